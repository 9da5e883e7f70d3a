import ChargingModel
import Foundation
import Rules

/// A command waiting in a charger's outbox, sent once the previous one to that charger is answered.
struct OutgoingCommand: Sendable {
    var scheduled: ScheduledCommand
    var key: ConnectorKey
    /// The batch of decision records written with the evaluation that produced the command.
    var decisionBatch: Task<[ConnectorKey: Int], Never>?
}
