import COpenSSL
import HTTP

/// Server-side evaluation of a WebSocket opening handshake (RFC 6455 §4.2) for an OCPP charger
/// (docs/charger-management.md).
///
/// The checks run from the generic to the specific, so the answer names the first real problem and
/// nothing about a charger is revealed to a request that is not even a valid handshake:
/// method (405), HTTP version (400), `Upgrade` (426), `Connection` (400), `Sec-WebSocket-Version` (426),
/// `Sec-WebSocket-Key` (400), subprotocol (400), charger id in the path (404), the id's length and
/// characters (400, `ChargerIdentity`), admission (404, or 401 below the security profile), Basic
/// credentials (401).
public enum WebSocketUpgrade {
    /// The subprotocol of OCPP 1.6J, also what a charger that offers none speaks.
    public static let ocpp16 = "ocpp1.6"
    /// The subprotocol of OCPP 2.0.1 (OCPP-J 2.0.1, Part 4, section 3.1.2).
    public static let ocpp201 = "ocpp2.0.1"

    /// The GUID RFC 6455 §1.3 appends to the key before hashing.
    static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Evaluates an upgrade request. `admission` is asked about the charger id once the request is
    /// a valid handshake with an id. `acceptedSubprotocols` (`central.protocols`) lists the
    /// subprotocols to accept in order of preference: the first of them the charger offers wins; a
    /// charger that offers none gets no `Sec-WebSocket-Protocol` (it speaks 1.6); one that offers
    /// only others is refused with 400.
    public static func evaluate(
        _ request: HTTPRequest, acceptedSubprotocols: [String] = [ocpp16], admission: (String) -> ChargerAdmission
    ) -> WebSocketUpgradeResult {
        switch validate(request, acceptedSubprotocols: acceptedSubprotocols, admission: admission) {
        case .success(let (chargerId, subprotocol, key)):
            var headers = HTTPHeaders([
                ("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", acceptValue(forKey: key)),
            ])
            if let subprotocol { headers.add(name: "Sec-WebSocket-Protocol", value: subprotocol) }
            let response = HTTPResponse(status: .switchingProtocols, headers: headers)
            return .accept(chargerId: chargerId, subprotocol: subprotocol, response: response.bytes())
        case .failure(let error):
            return .refuse(error, response: error.response)
        }
    }

    /// The charger id of a path (docs/charger-management.md): its last non-empty segment, percent-decoded; nil when there is none.
    public static func chargerId(of request: HTTPRequest) -> String? {
        request.pathSegments.last { !$0.isEmpty }
    }

    /// `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`: base64(SHA-1(key + GUID)), RFC 6455 §4.2.2.
    public static func acceptValue(forKey key: String) -> String {
        let input = Array((key + acceptGUID).utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var digestLength: UInt32 = 0
        let status = input.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &digestLength, EVP_sha1(), nil)
        }
        // SHA-1 over memory cannot fail short of OpenSSL itself being broken.
        precondition(status == 1 && digestLength == 20, "OpenSSL SHA-1 failed")
        return Base64.encode(Array(digest[0..<20]))
    }

    private static func validate(
        _ request: HTTPRequest, acceptedSubprotocols: [String], admission: (String) -> ChargerAdmission
    ) -> Result<(String, String?, String), WebSocketUpgradeError> {
        let headers = request.headers
        guard request.method == "GET" else { return .failure(.methodNotAllowed(request.method)) }
        guard request.version == .http11 else { return .failure(.httpVersionTooOld(request.version)) }
        guard headers.containsToken("websocket", in: "Upgrade") else { return .failure(.missingUpgradeHeader) }
        guard headers.containsToken("Upgrade", in: "Connection") else { return .failure(.missingConnectionUpgrade) }
        let versions = headers.listElements(for: "Sec-WebSocket-Version")
        guard versions == ["13"] else {
            return .failure(.unsupportedWebSocketVersion(headers["Sec-WebSocket-Version"]))
        }
        let keys = headers.values(for: "Sec-WebSocket-Key")
        guard keys.count == 1, let key = keys.first, Base64.decode(key)?.count == 16 else {
            return .failure(.invalidWebSocketKey)
        }
        let offered = headers.listElements(for: "Sec-WebSocket-Protocol")
        var subprotocol: String?
        if !offered.isEmpty {
            // Subprotocol names are case-sensitive, but some firmware writes `OCPP1.6`; answering with the
            // charger's own spelling keeps strict clients, which check the answer against their offer, happy.
            let match = acceptedSubprotocols.lazy.compactMap { accepted in
                offered.first { HTTPHeaders.namesMatch($0, accepted) }
            }.first
            guard let match else {
                return .failure(.unsupportedSubprotocols(offered, accepted: acceptedSubprotocols))
            }
            subprotocol = match
        }
        guard let chargerId = chargerId(of: request) else { return .failure(.missingChargerId) }
        if let problem = ChargerIdRules.problem(with: chargerId) {
            return .failure(.invalidChargerId(chargerId, problem))
        }
        switch admission(chargerId) {
        case .refused:
            return .failure(.unknownCharger(chargerId))
        case .allowed:
            break
        case .belowSecurityProfile(let reason):
            return .failure(.belowSecurityProfile(chargerId: chargerId, reason: reason))
        case .passwordRequired(let password):
            guard let authorization = headers["Authorization"] else {
                return .failure(.missingCredentials(chargerId: chargerId))
            }
            guard basicCredentialsMatch(authorization, user: chargerId, password: password) else {
                return .failure(.wrongCredentials(chargerId: chargerId))
            }
        case .passwordChecked(let check):
            guard let authorization = headers["Authorization"] else {
                return .failure(.missingCredentials(chargerId: chargerId))
            }
            guard let credentials = basicCredentials(authorization),
                constantTimeEqual(credentials.user, Array(chargerId.utf8)), check(credentials.password)
            else { return .failure(.wrongCredentials(chargerId: chargerId)) }
        }
        return .success((chargerId, subprotocol, key))
    }

    /// Whether `Basic base64(user:password)` (RFC 7617) carries exactly this user and password.
    static func basicCredentialsMatch(_ authorization: String, user: String, password: String) -> Bool {
        guard let credentials = basicCredentials(authorization) else { return false }
        let userMatches = constantTimeEqual(credentials.user, Array(user.utf8))
        let passwordMatches = constantTimeEqual(credentials.password, Array(password.utf8))
        return userMatches && passwordMatches
    }

    /// The user and password bytes of `Basic base64(user:password)` (RFC 7617: the user ends at the
    /// first colon); nil when the header is not that.
    static func basicCredentials(_ authorization: String) -> (user: [UInt8], password: [UInt8])? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, HTTPHeaders.namesMatch(String(parts[0]), "Basic") else { return nil }
        guard let decoded = Base64.decode(HTTPHeaders.trimmingWhitespace(parts[1])),
            let colon = decoded.firstIndex(of: UInt8(ascii: ":"))
        else { return nil }
        return (Array(decoded[..<colon]), Array(decoded[(colon + 1)...]))
    }

    /// Compares without an early exit, so response timing does not leak how much of a password was right.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        if lhs.count != rhs.count { difference |= 1 }
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
