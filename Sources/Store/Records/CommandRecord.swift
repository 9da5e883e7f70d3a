import ChargingModel
import Foundation
import JSON

/// A command sent to a charger (or attempted) and its outcome: a row of `commands`.
public struct CommandRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int
    public var chargerId: String
    /// The connector the command is about, when it is about one.
    public var connectorId: Int?
    /// The OCPP action (`SetChargingProfile`, ...).
    public var action: String
    /// The request payload as sent.
    public var payload: JSONValue
    public var source: CommandSource
    /// The decision (`DecisionRecord.id`) this command carries out, for scheduler commands.
    public var decisionId: Int?
    /// When the CALL was sent (or found the charger not connected).
    public var sentAt: Date
    public var outcome: CommandOutcome
    /// The CALLRESULT payload, when there was one.
    public var response: JSONValue?
    /// Why the scheduler sent it (`limit 10.0 A`, `resume`, `withdraw a profile set before
    /// Ampwise restarted`); nil for the API's and the set-up's commands.
    public var reason: String?
    /// From sending the CALL to its answer, in milliseconds.
    public var latencyMs: Double?

    public init(
        id: Int = 0, chargerId: String, connectorId: Int? = nil, action: String, payload: JSONValue,
        source: CommandSource, decisionId: Int? = nil, sentAt: Date, outcome: CommandOutcome,
        response: JSONValue? = nil, latencyMs: Double? = nil, reason: String? = nil
    ) {
        self.id = id
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.action = action
        self.payload = payload
        self.source = source
        self.decisionId = decisionId
        self.sentAt = sentAt
        self.outcome = outcome
        self.response = response
        self.latencyMs = latencyMs
        self.reason = reason
    }
}
