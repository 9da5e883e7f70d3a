import HTTP
import JSON

/// `POST /api/chargers/{id}/password` (docs/api.md, docs/security.md).
struct PasswordEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("POST", "/api/chargers/{id}/password") { request throws(APIError) in
                try await changePassword(request)
            }
        ]
    }

    /// `{"password":"..."}`, or an empty body for one Ampwise makes (then answered too, as
    /// `password`: the only place it is ever shown).
    func changePassword(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        _ = try ManualCommandSender(dependencies: dependencies, source: .api).knownCharger(chargerId)
        let given = try request.fields(allowingEmpty: true).string("password")
        if let given {
            try PasswordRotation.check(given, field: "password")
            // 2.0.1's BasicAuthPassword takes the SPEC's 40 characters, of its own set; a 1.6
            // AuthorizationKey any bytes, at most 20.
            if dependencies.commands.speaksOCPP201(chargerId) {
                try PasswordRotation.checkBasicAuthPasswordCharacters(given, field: "password")
            } else {
                try PasswordRotation.checkAuthorizationKeyLength(Array(given.utf8), field: "password")
            }
        }
        let password = given ?? PasswordRotation.generate()
        var answer = try await PasswordRotation(dependencies: dependencies, source: .api).change(
            chargerId, to: Array(password.utf8))
        if given == nil { answer["password"] = .string(password) }
        return .json(.object(answer))
    }
}
