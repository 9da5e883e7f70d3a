import ChargingModel
import Foundation

extension ConnectorCommandPolicy {
    /// RemoteStart/RemoteStopTransaction for the session family, and for pausing with
    /// `pause: "remoteStop"` (stop now, start again once the pause lifts with the car plugged in).
    mutating func sessionCommand(
        decision: EffectiveDecision, connector: ConnectorFacts, charger: ChargerFacts, settings: PolicySettings,
        now: Date, wakeUps: inout [Date]
    ) -> PolicyCommand? {
        let target = sessionTarget(decision: decision, connector: connector, charger: charger)
        guard let target, target != toldSession else {
            if target == nil { toldSession = nil }
            if case .inFlight = sessionAttempt?.state { return nil }
            sessionAttempt = nil
            failures[.session] = nil
            return nil
        }
        guard let attempt = nextAttempt(sessionAttempt, target: target, settings: settings, now: now, wakeUps: &wakeUps)
        else { return nil }
        sessionAttempt = attempt
        let reason: CommandReason
        switch target {
        case .start(let idTag), .resume(let idTag):
            if case .start = target { reason = .start } else { reason = .resume }
            return PolicyCommand(
                command: .startTransaction(connectorId: connectorId, idTag: idTag), connectorId: connectorId,
                family: .session, reason: reason, sequence: attempt.sequence)
        case .stop(let transactionId), .pauseStop(let transactionId):
            if case .stop = target { reason = .stop } else { reason = .pause }
            return PolicyCommand(
                command: .stopTransaction(transactionId: transactionId), connectorId: connectorId,
                family: .session, reason: reason, sequence: attempt.sequence)
        }
    }

    func sessionTarget(decision: EffectiveDecision, connector: ConnectorFacts, charger: ChargerFacts)
        -> SessionTarget?
    {
        let transaction = connector.transactionId
        if decision.session == .stop, let transaction { return .stop(transactionId: transaction) }
        if decision.isPaused && charger.pause == .remoteStop, let transaction {
            return .pauseStop(transactionId: transaction)
        }
        if case .start(let idTag) = decision.session, transaction == nil, connector.status == .preparing {
            // With pause "profile" the start goes out while paused: the session opens and the 0 A
            // profile holds it until the pause lifts (a charger left in Preparing gives up after its
            // ConnectionTimeOut). With "remoteStop" a session would only be stopped again: it waits.
            guard !isStartHeldBack(decision: decision, connector: connector, charger: charger) else { return nil }
            return .start(idTag: idTag ?? charger.sessionIdTag)
        }
        if decision.isPaused { return nil }
        if pauseStoppedTransactionId != nil && decision.session != .stop && connector.isReadyToResume {
            return .resume(idTag: charger.sessionIdTag)
        }
        return nil
    }

    /// A `start` the rules decided that waits for the pause to lift (`pause: "remoteStop"`).
    func isStartHeldBack(decision: EffectiveDecision, connector: ConnectorFacts, charger: ChargerFacts) -> Bool {
        guard case .start = decision.session else { return false }
        return decision.isPaused && charger.pause == .remoteStop && connector.transactionId == nil
            && connector.status == .preparing
    }

    /// The effects decided but not carried out, each with why, for the decision record and
    /// `ampwise why`: a start that waits for the pause to lift.
    public func heldBackEffects(
        decision: EffectiveDecision, connector: ConnectorFacts, charger: ChargerFacts
    ) -> [String] {
        guard isStartHeldBack(decision: decision, connector: connector, charger: charger) else { return [] }
        return [#"start: waits until the pause lifts (pause is "remoteStop")"#]
    }

    /// ChangeAvailability when the availability family (or an override) wants a state the
    /// charger was not told yet. No opinion sends nothing: availability is not withdrawn.
    mutating func availabilityCommand(
        decision: EffectiveDecision, settings: PolicySettings, now: Date, wakeUps: inout [Date]
    ) -> PolicyCommand? {
        guard let target = decision.availability, target != toldAvailability else {
            if case .inFlight = availabilityAttempt?.state { return nil }
            availabilityAttempt = nil
            failures[.availability] = nil
            return nil
        }
        guard
            let attempt = nextAttempt(
                availabilityAttempt, target: target, settings: settings, now: now, wakeUps: &wakeUps)
        else { return nil }
        availabilityAttempt = attempt
        return PolicyCommand(
            command: .changeAvailability(connectorId: connectorId, available: target == .available),
            connectorId: connectorId, family: .availability, reason: .availability(target),
            sequence: attempt.sequence)
    }

    /// The attempt to send for `target` now, or `nil` while one is in flight or a retry waits
    /// (`retryInterval` after a failure). For the limit family, `purposes` is the profile purpose
    /// ladder: an attempt whose next purpose is due keeps its place on it, a retry starts again.
    mutating func nextAttempt<Target>(
        _ current: CommandAttempt<Target>?, target: Target, purposes: [ProfilePurpose] = [],
        settings: PolicySettings, now: Date, wakeUps: inout [Date]
    ) -> CommandAttempt<Target>? {
        var attempt = CommandAttempt(target: target, sequence: 0, state: .due, purposes: purposes)
        if let current, current.target == target {
            switch current.state {
            case .inFlight:
                return nil
            case .due:
                attempt = current
            case .failed(let at):
                let retryAt = at.addingTimeInterval(settings.retryInterval)
                guard now >= retryAt else {
                    wakeUps.append(retryAt)
                    return nil
                }
            }
        }
        attempt.sequence = nextSequence()
        attempt.state = .inFlight(sentAt: now)
        return attempt
    }
}
