import Central
import ChargePointManagement
import ChargingModel
import JSON
import OCPP
import WebSocket

/// Changes a charger's password (SPEC §13, docs/security.md "Password rotation"): ChangeConfiguration
/// `AuthorizationKey` with the password's bytes in hex, as the OCPP 1.6 security whitepaper has it
/// (A00.FR.205: the key is the password, "hexadecimal represented"); once the charger accepts, the
/// new password is kept as a hash (`ChargerPasswords`), the old one until the charger has logged in
/// with the new one.
struct PasswordRotation: Sendable {
    let dependencies: APIDependencies
    let source: CommandSource

    /// Passwords are 16 to 40 characters (SPEC §13).
    static let lengths = 16...40
    /// What a 1.6 charger's AuthorizationKey holds: 16 to 20 bytes (the OCPP 1.6 security whitepaper,
    /// edition 3, on the AuthorizationKey configuration key). A longer password would be sent, rejected
    /// by a charger that follows the whitepaper, or worse, cut short by one that does not.
    static let authorizationKeyLengths = 16...20
    /// The length of a password Ampwise makes.
    static let generatedLength = 20

    /// Sends the change; answers the charger's `{"status": ...}`. 409 when it is not connected. An
    /// OCPP 2.0.1 station is sent SetVariables `SecurityCtrlr.BasicAuthPassword` instead
    /// (`changeOCPP201`), and its answer goes the same way.
    func change(_ chargerId: String, to password: [UInt8]) async throws(APIError) -> JSONObject {
        guard dependencies.commands.isConnected(chargerId) else { throw .notConnected(chargerId) }
        let answer: JSONObject
        if dependencies.commands.speaksOCPP201(chargerId) {
            answer = try await changeOCPP201(chargerId, to: password)
        } else {
            let request = ChangeConfigurationRequest(key: "AuthorizationKey", value: PasswordHash.hex(password))
            answer = try await ManualCommandSender(dependencies: dependencies, source: source).send(
                request, to: chargerId, connectorId: nil)
        }
        // RebootRequired: the charger takes the key, and uses it once it has restarted.
        if let status = answer["status"]?.stringValue, status == "Accepted" || status == "RebootRequired" {
            dependencies.passwords.changed(
                chargerId, to: password, replacing: dependencies.configuredPassword(chargerId))
        }
        return answer
    }

    /// 400 unless `password` is 16 to 40 printable ASCII characters without spaces (what every
    /// charger can type and send in a Basic auth header).
    static func check(_ password: String, field: String) throws(APIError) {
        guard lengths.contains(password.count) else {
            throw .badRequest("\(field): a password has 16 to 40 characters, not \(password.count)")
        }
        guard password.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .badRequest("\(field): a password has printable ASCII characters only, no spaces")
        }
    }

    /// What an OCPP 2.0.1 `passwordString` may hold (Part 2 §2.1.4, primitive datatypes), which
    /// `SecurityCtrlr.BasicAuthPassword` is (A00.FR.205): a-z, A-Z, 0-9 and `*-_=:+|@.`.
    static let basicAuthPasswordCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-_=:+|@.".utf8)

    /// 400 unless an OCPP 2.0.1 station's BasicAuthPassword can hold `password`: a station that
    /// follows the specification refuses other characters, and the old password stays in use.
    static func checkBasicAuthPasswordCharacters(_ password: String, field: String) throws(APIError) {
        guard
            let refused = password.unicodeScalars.first(where: {
                !$0.isASCII || !basicAuthPasswordCharacters.contains(UInt8($0.value))
            })
        else { return }
        throw .badRequest(
            "\(field): an OCPP 2.0.1 station's BasicAuthPassword has only a-z, A-Z, 0-9 and * - _ = : + | @ . "
                + "(OCPP 2.0.1 passwordString), not \"\(refused)\"")
    }

    /// 400 unless an OCPP 1.6 charger's AuthorizationKey can hold `password` (16 to 20 bytes).
    static func checkAuthorizationKeyLength(_ password: [UInt8], field: String) throws(APIError) {
        guard authorizationKeyLengths.contains(password.count) else {
            throw .badRequest(
                "\(field): an OCPP 1.6 charger's AuthorizationKey holds 16 to 20 bytes (security whitepaper), "
                    + "this password has \(password.count)")
        }
    }

    /// An `AuthorizationKey` value given to `/configuration` or `/call`: the password's bytes in hex.
    static func password(fromAuthorizationKey value: String, field: String) throws(APIError) -> [UInt8] {
        guard let bytes = PasswordHash.bytes(hex: value) else {
            throw .badRequest(
                "\(field): AuthorizationKey is the password's bytes in hex (OCPP 1.6 security whitepaper); "
                    + "or use POST /api/chargers/{id}/password with the password itself")
        }
        try checkAuthorizationKeyLength(bytes, field: field)
        return bytes
    }

    /// 20 random letters and digits (about 119 bits).
    static func generate() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var password: [UInt8] = []
        while password.count < generatedLength {
            // 248 = 4 × 62: bytes above it are dropped so that every character is as likely.
            for byte in PasswordHash.randomBytes(count: generatedLength) where byte < 248 {
                if password.count < generatedLength { password.append(alphabet[Int(byte) % alphabet.count]) }
            }
        }
        return String(decoding: password, as: UTF8.self)
    }
}
