import JSON

/// A CALL the central system sent to a `SimulatedChargePoint`, with what it was answered.
public struct ReceivedCall: Sendable, Equatable {
    public let uniqueId: String
    public let action: String
    public let payload: JSONObject
    public let answer: SimulatedAnswer

    public init(uniqueId: String, action: String, payload: JSONObject, answer: SimulatedAnswer) {
        self.uniqueId = uniqueId
        self.action = action
        self.payload = payload
        self.answer = answer
    }

    /// A string field of the payload (`key` of ChangeConfiguration, ...).
    public func string(_ field: String) -> String? {
        if case .string(let value) = payload[field] { return value }
        return nil
    }

    /// An integer field of the payload (`connectorId`, ...).
    public func integer(_ field: String) -> Int? {
        if case .number(let value) = payload[field] { return Int(value) }
        return nil
    }
}
