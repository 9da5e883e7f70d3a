import OCPP

/// The payload of an OCPP 2.0.1 CALL, tied to its action and to the payload that answers it.
public protocol OCPP201Request: OCPP201Payload {
    associatedtype Response: OCPP201Payload
    /// The action this request is sent as.
    static var action: OCPP201Action { get }
    /// `Response.self`, reachable from an existential `any OCPP201Request.Type`.
    static var responseType: any OCPP201Payload.Type { get }
}

extension OCPP201Request {
    public static var responseType: any OCPP201Payload.Type { Response.self }
}
