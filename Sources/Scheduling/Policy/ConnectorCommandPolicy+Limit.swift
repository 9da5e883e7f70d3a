import Foundation

extension ConnectorCommandPolicy {
    /// The profile command for the charging and limit families: a limit, a 0 A pause profile, or
    /// the withdrawal of Ampwise's profile, paced and deadbanded against the profile in force.
    mutating func limitCommand(
        decision: EffectiveDecision, connector: ConnectorFacts, charger: ChargerFacts, settings: PolicySettings,
        now: Date, wakeUps: inout [Date]
    ) -> PolicyCommand? {
        let wanted: Double?
        if decision.isPaused {
            // With remoteStop the transaction is ended instead; the profile is left as it is.
            guard charger.pause == .profile else { return dropLimitAttempt() }
            wanted = 0
        } else {
            wanted = decision.limitAmps
        }
        let target: LimitTarget
        if let amps = wanted {
            let phases = decision.phases
            if case .profile(let pending, let pendingPhases, _)? = limitAttempt?.target,
                case .inFlight? = limitAttempt?.state, pendingPhases == phases, (amps == 0) == (pending == 0),
                abs(amps - pending) < settings.deadband
            {
                // The profile on its way already holds this limit, give or take the deadband.
                return nil
            }
            // A phase switch is sent at once: the rules already keep it to one per
            // `scheduler.phaseSwitchInterval`, and the amperes mean another power on other phases.
            if let installed = installedProfile, !installedProfileIsStale, installed.phases == phases {
                let sameSide = (amps == 0) == (installed.amps == 0)
                if sameSide && (amps == installed.amps || abs(amps - installed.amps) < settings.deadband) {
                    return dropLimitAttempt()
                }
                if amps > installed.amps && decision.limitSource == .rules, let changed = lastLimitChangeAt {
                    let due = changed.addingTimeInterval(settings.minIncreaseInterval)
                    if now < due {
                        wakeUps.append(due)
                        return dropLimitAttempt()
                    }
                }
            }
            guard !charger.profilePurposes(transactionId: connector.transactionId).isEmpty else {
                return dropLimitAttempt()
            }
            target = .profile(amps: amps, phases: phases, transactionId: connector.transactionId)
        } else if let installed = installedProfile {
            target = .withdraw(profileId: installed.profileId, purpose: installed.purpose)
        } else if let leftover = leftoverProfile {
            target = .withdraw(profileId: leftover.profileId(connectorId: connectorId), purpose: leftover)
        } else {
            return dropLimitAttempt()
        }

        let purposes = charger.profilePurposes(transactionId: connector.transactionId)
        guard
            let attempt = nextAttempt(
                limitAttempt, target: target, purposes: purposes, settings: settings, now: now, wakeUps: &wakeUps)
        else { return nil }
        limitAttempt = attempt

        switch target {
        case .profile(let amps, let phases, let transactionId):
            let limit = charger.chargingLimit(
                amps: amps, phases: phases, purpose: attempt.purpose ?? .txDefaultProfile, connectorId: connectorId,
                transactionId: transactionId, now: now)
            let source = decision.limitSource == .override ? limitOverride?.source ?? .scheduler : .scheduler
            return PolicyCommand(
                command: .setLimit(limit), connectorId: connectorId, family: .limit,
                reason: .limit(amps: amps, phases: phases),
                sequence: attempt.sequence, source: source)
        case .withdraw(let profileId, let purpose):
            return PolicyCommand(
                command: .clearLimit(connectorId: connectorId, profileId: profileId, purpose: purpose),
                connectorId: connectorId, family: .limit,
                reason: installedProfile == nil ? .withdrawLeftover : .withdrawLimit, sequence: attempt.sequence)
        }
    }

    /// The decision no longer needs a limit command: a pending retry of an older one is dropped.
    mutating func dropLimitAttempt() -> PolicyCommand? {
        if case .inFlight = limitAttempt?.state { return nil }
        limitAttempt = nil
        failures[.limit] = nil
        return nil
    }
}
