/// The payload of a CALL, tied to its action and to the payload that confirms it.
public protocol OCPPRequest: OCPPPayload {
    associatedtype Confirmation: OCPPPayload
    /// The action this request is sent as.
    static var action: OCPPAction { get }
    /// `Confirmation.self`, reachable from an existential `any OCPPRequest.Type`.
    static var confirmationType: any OCPPPayload.Type { get }
}

extension OCPPRequest {
    public static var confirmationType: any OCPPPayload.Type { Confirmation.self }
}
