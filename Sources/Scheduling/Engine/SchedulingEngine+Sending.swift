import ChargingModel
import Foundation
import JSON
import Logging
import Rules
import Store

extension SchedulingEngine {
    /// Puts a command in its charger's outbox. A charger with commands has one sender task that
    /// sends the next command only after the previous one is answered, so commands arrive in
    /// order and a slow charger delays nobody else. The task ends when the outbox is empty: a
    /// car park of thousands of chargers keeps no idle task per charger.
    func enqueue(_ scheduled: ScheduledCommand) {
        let key = ConnectorKey(chargerId: scheduled.chargerId, connectorId: scheduled.command.connectorId)
        let outgoing = OutgoingCommand(scheduled: scheduled, key: key, decisionBatch: decisionBatches[key])
        outstanding += 1
        let chargerId = scheduled.chargerId
        guard outboxes[chargerId] == nil else {
            outboxes[chargerId]?.append(outgoing)
            return
        }
        outboxes[chargerId] = [outgoing]
        let commands = commands
        // Detached: the call waits off the actor, so a slow charger holds up no evaluation.
        senders[chargerId] = Task.detached {
            while let outgoing = await self.nextOutgoing(for: chargerId) {
                let command = outgoing.scheduled.command
                let decisionBatch = outgoing.decisionBatch
                let key = outgoing.key
                let context = CommandContext(
                    source: command.source, connectorId: command.connectorId, reason: command.reason.description,
                    decisionId: { await decisionBatch?.value[key] })
                let result = await commands.send(command.command, to: chargerId, context: context)
                await self.finish(outgoing, result: result)
            }
        }
    }

    /// The charger's next command, or nil (and its sender's end) when none waits.
    func nextOutgoing(for chargerId: String) -> OutgoingCommand? {
        guard let waiting = outboxes[chargerId], let next = waiting.first else {
            outboxes[chargerId] = nil
            senders[chargerId] = nil
            return nil
        }
        outboxes[chargerId] = Array(waiting.dropFirst())
        return next
    }

    /// Feeds a command's answer back to the policy and remembers a working profile purpose (the
    /// dispatcher has recorded the command with the decision it serves).
    func finish(_ outgoing: OutgoingCommand, result: CommandResult) async {
        let now = clock.now()
        let answer = CommandAnswer(result.outcome)
        let scheduled = outgoing.scheduled
        let previousPurpose = core.policies[scheduled.chargerId]?.charger.workingProfilePurpose
        let feedback = core.record(answer, for: scheduled, now: now)
        if feedback.followUpDue {
            trigger()
        } else if let wakeUp = core.policies[scheduled.chargerId]?.nextWakeUp, let waitDeadline, wakeUp < waitDeadline {
            // A retry is due before the loop planned to look again.
            wake()
        }
        if scheduled.command.family == .limit, feedback.wasCurrent {
            lastLimitAnswers[outgoing.key] = (answer.description, now)
        }
        let failed = !(result.outcome.isAccepted || answer == .scheduled || answer == .unknown)
        logger.log(
            failed ? .warning : .info, "\(outgoing.key): \(scheduled.command.reason) -> \(result.outcome)")
        if let purpose = feedback.workingPurpose, purpose != previousPurpose {
            do {
                try await store.setChargerSetting(
                    chargerId: scheduled.chargerId, key: Self.workingPurposeKey, value: purpose.rawValue, at: now)
            } catch {
                logger.warning("cannot store the working profile purpose of \(scheduled.chargerId): \(error)")
            }
        }
        outstanding -= 1
        if outstanding == 0 { notifyIfIdle() }
    }
}
