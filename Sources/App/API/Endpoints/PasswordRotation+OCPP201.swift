import JSON
import OCPP201

extension PasswordRotation {
    /// OCPP 2.0.1's password change (Part 2, use case A01): SetVariables of
    /// `SecurityCtrlr.BasicAuthPassword`, whose value is the password itself (2.0.1 has no hex
    /// form, unlike 1.6's AuthorizationKey). Answers `{"status": ...}` as ChangeConfiguration
    /// does (SetVariableStatusEnumType: `Accepted`, `RebootRequired`, `Rejected`, ...).
    func changeOCPP201(_ chargerId: String, to password: [UInt8]) async throws(APIError) -> JSONObject {
        try await ManualCommandSender(dependencies: dependencies, source: source).setVariable(
            Component(name: "SecurityCtrlr"), Variable(name: "BasicAuthPassword"),
            to: String(decoding: password, as: UTF8.self), on: chargerId)
    }
}
