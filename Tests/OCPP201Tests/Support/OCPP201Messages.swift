import JSON
import OCPP
import OCPP201
import TestSupport

/// Every OCPP 2.0.1 payload by the name of its schema (`BootNotificationRequest`, ...).
enum OCPP201Messages {
    static let names: [String] = OCPP201Action.allCases.flatMap { [$0.rawValue + "Request", $0.rawValue + "Response"] }

    /// The action and direction a schema name stands for.
    static func action(of name: String) -> (action: OCPP201Action, isRequest: Bool) {
        let isRequest = name.hasSuffix("Request")
        let action = OCPP201Action(rawValue: String(name.dropLast(isRequest ? 7 : 8)))!
        return (action, isRequest)
    }

    /// Decodes a payload of the named message into its type.
    static func decode(
        _ name: String, _ payload: JSONObject, mode: OCPPValidationMode = .strict
    ) throws(OCPPValidationError) -> OCPPDecoded<any OCPPObjectCodable> {
        let (action, isRequest) = action(of: name)
        if isRequest { return try action.decodeRequest(payload, mode: mode).map { $0 } }
        return try action.decodeResponse(payload, mode: mode).map { $0 }
    }

    /// A valid payload of the named message: the schema's full sample, one item per array.
    static func sample(_ name: String) throws -> JSONObject {
        try SchemaSampler(JSONSchemaValidator(named: name)).maximal(items: 1).objectValue!
    }
}
