import Foundation

extension ConnectorCommandPolicy {
    /// Records how the charger answered `command` (sent by this policy) and updates what the
    /// charger is known to hold. Outcomes of superseded attempts change nothing.
    ///
    /// After a profile refusal the next purpose is due at once (`followUpDue`); after the last one,
    /// and after any other failure, the command is retried `retryInterval` later.
    @discardableResult
    public mutating func record(_ outcome: CommandAnswer, for command: PolicyCommand, now: Date) -> CommandFeedback {
        let feedback =
            switch command.family {
            case .limit: recordLimit(outcome, for: command, now: now)
            case .session: recordSession(outcome, for: command, now: now)
            case .availability: recordAvailability(outcome, for: command, now: now)
            }
        if feedback.followUpDue {
            nextWakeUp = now
        } else if feedback.wasCurrent && failures[command.family]?.at == now {
            let retryAt = now.addingTimeInterval(settingsInUse.retryInterval)
            nextWakeUp = min(nextWakeUp ?? retryAt, retryAt)
        }
        return feedback
    }

    mutating func recordLimit(_ outcome: CommandAnswer, for command: PolicyCommand, now: Date) -> CommandFeedback {
        guard var attempt = limitAttempt, attempt.sequence == command.sequence, case .inFlight = attempt.state else {
            return CommandFeedback(wasCurrent: false)
        }
        let succeeded = outcome == .accepted || (command.isWithdrawal && outcome == .unknown)
        guard !succeeded else {
            limitAttempt = nil
            failures[.limit] = nil
            switch attempt.target {
            case .profile(let amps, let phases, let transactionId):
                let purpose = attempt.purpose ?? .txDefaultProfile
                if installedProfile?.amps != amps || installedProfileIsStale { lastLimitChangeAt = now }
                installedProfile = InstalledProfile(
                    amps: amps, phases: phases, purpose: purpose,
                    profileId: purpose.profileId(connectorId: connectorId),
                    transactionId: purpose == .txProfile ? transactionId : nil, acceptedAt: now)
                installedProfileIsStale = false
                // The new profile took the leftover's id: nothing is left over of that purpose.
                if leftoverProfile == purpose { leftoverProfile = nil }
                return CommandFeedback(wasCurrent: true, workingPurpose: purpose)
            case .withdraw(_, let purpose):
                if installedProfile == nil, leftoverProfile == purpose { leftoverProfile = nil }
                installedProfile = nil
                installedProfileIsStale = false
                return CommandFeedback(wasCurrent: true)
            }
        }
        failures[.limit] = CommandFailure(reason: command.reason, outcome: outcome, at: now)
        if !command.isWithdrawal && outcome.refusesProfile
            && attempt.purposeIndex + 1 < attempt.purposes.count
        {
            attempt.purposeIndex += 1
            attempt.state = .due
            limitAttempt = attempt
            return CommandFeedback(wasCurrent: true, followUpDue: true)
        }
        attempt.state = .failed(at: now)
        limitAttempt = attempt
        // The ladder was built from the facts when the attempt began. A transaction that opened
        // while the last purpose was on its way makes TxProfile possible now: look again at once
        // rather than after `retryInterval` (the failed attempt itself still waits for it).
        return CommandFeedback(wasCurrent: true, followUpDue: outcome.refusesProfile)
    }

    mutating func recordSession(_ outcome: CommandAnswer, for command: PolicyCommand, now: Date) -> CommandFeedback {
        guard var attempt = sessionAttempt, attempt.sequence == command.sequence, case .inFlight = attempt.state else {
            return CommandFeedback(wasCurrent: false)
        }
        if outcome == .accepted {
            sessionAttempt = nil
            failures[.session] = nil
            toldSession = attempt.target
            if case .pauseStop(let transactionId) = attempt.target { pauseStoppedTransactionId = transactionId }
            return CommandFeedback(wasCurrent: true)
        }
        failures[.session] = CommandFailure(reason: command.reason, outcome: outcome, at: now)
        attempt.state = .failed(at: now)
        sessionAttempt = attempt
        return CommandFeedback(wasCurrent: true)
    }

    mutating func recordAvailability(_ outcome: CommandAnswer, for command: PolicyCommand, now: Date)
        -> CommandFeedback
    {
        guard var attempt = availabilityAttempt, attempt.sequence == command.sequence,
            case .inFlight = attempt.state
        else {
            return CommandFeedback(wasCurrent: false)
        }
        // Scheduled: the charger will switch when the transaction ends; sending again changes nothing.
        if outcome == .accepted || outcome == .scheduled {
            availabilityAttempt = nil
            failures[.availability] = nil
            toldAvailability = attempt.target
            return CommandFeedback(wasCurrent: true)
        }
        failures[.availability] = CommandFailure(reason: command.reason, outcome: outcome, at: now)
        attempt.state = .failed(at: now)
        availabilityAttempt = attempt
        return CommandFeedback(wasCurrent: true)
    }
}
