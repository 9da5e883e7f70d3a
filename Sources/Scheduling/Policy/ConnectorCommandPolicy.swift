import ChargingModel
import Foundation

/// The reconciler's brain for one connector: remembers what Ampwise told the charger and decides
/// which commands to send so that the charger follows the effective decision.
///
/// A value type with no clock and no I/O: the engine calls `commands(...)` with the rules'
/// intent and the facts whenever something changes (and at `nextWakeUp`), sends what it gets, and
/// reports each answer with `record(_:for:now:)`. Each family (limit, session, availability) has
/// at most one command pending; a failure is retried every `retryInterval` while the decision
/// stands, and a new decision replaces the pending retry.
public struct ConnectorCommandPolicy: Sendable {
    public let connectorId: Int

    /// The manual limit (A) from `POST /api/chargers/{id}/limit`.
    public internal(set) var limitOverride: ManualOverride<Double>?
    /// A manual start or stop.
    public internal(set) var sessionOverride: ManualOverride<SessionIntent>?
    /// A manual availability; it does not end with a session.
    public internal(set) var availabilityOverride: ManualOverride<AvailabilityIntent>?

    /// The profile Ampwise set and the charger accepted (the `applied` part of the API).
    public internal(set) var installedProfile: InstalledProfile?
    /// The charger reconnected or booted since the profile was accepted: it is sent again.
    public internal(set) var installedProfileIsStale = false
    /// A profile of this purpose may still be on the charger from before Ampwise restarted (the
    /// purpose that worked for the charger, kept in the database). Withdrawn when the rules want
    /// no limit, so that a limit or a 0 A pause from rules removed meanwhile does not hold forever.
    public internal(set) var leftoverProfile: ProfilePurpose?
    /// When the last limit was accepted; increases wait `minIncreaseInterval` after it.
    public internal(set) var lastLimitChangeAt: Date?
    /// The last failure per family, until that family's command succeeds or is no longer wanted.
    public internal(set) var failures: [CommandFamily: CommandFailure] = [:]
    /// When `commands(...)` should be called again even if nothing changes (a paced increase,
    /// a retry, an override's expiry); `nil` when nothing is due.
    public internal(set) var nextWakeUp: Date?

    /// Ampwise ended this transaction to pause the connector (`pause: "remoteStop"`): restart a
    /// session when the pause lifts while the car is still plugged in.
    public internal(set) var pauseStoppedTransactionId: Int?

    var toldSession: SessionTarget?
    var toldAvailability: AvailabilityIntent?
    var limitAttempt: CommandAttempt<LimitTarget>?
    var sessionAttempt: CommandAttempt<SessionTarget>?
    var availabilityAttempt: CommandAttempt<AvailabilityIntent>?
    var sequence = 0
    /// The settings of the last `commands` call, for the retry time `record` announces.
    var settingsInUse = PolicySettings()

    public init(connectorId: Int) {
        self.connectorId = connectorId
    }

    /// The commands to send now for the rules' `intent`, given the facts at `now`.
    public mutating func commands(
        intent: ConnectorIntent, connector: ConnectorFacts, charger: ChargerFacts, settings: PolicySettings,
        now: Date
    ) -> [PolicyCommand] {
        settingsInUse = settings
        refreshOverrides(connector: connector, now: now)
        refreshSessionMemory(connector: connector)
        let decision = effectiveDecision(intent: intent, charger: charger)
        var wakeUps: [Date] = [limitOverride?.expiresAt, sessionOverride?.expiresAt, availabilityOverride?.expiresAt]
            .compactMap { $0 }
        var commands: [PolicyCommand] = []
        if let command = limitCommand(
            decision: decision, connector: connector, charger: charger, settings: settings, now: now,
            wakeUps: &wakeUps)
        {
            commands.append(command)
        }
        if let command = sessionCommand(
            decision: decision, connector: connector, charger: charger, settings: settings, now: now,
            wakeUps: &wakeUps)
        {
            commands.append(command)
        }
        if let command = availabilityCommand(decision: decision, settings: settings, now: now, wakeUps: &wakeUps) {
            commands.append(command)
        }
        nextWakeUp = wakeUps.filter { $0 > now }.min() ?? (limitAttempt?.state == .due ? now : nil)
        return commands
    }

    /// The decision the policy acts on for `intent`, with the overrides as they stand at `now`.
    public func effectiveDecision(
        intent: ConnectorIntent, connector: ConnectorFacts, charger: ChargerFacts, now: Date
    ) -> EffectiveDecision {
        var copy = self
        copy.refreshOverrides(connector: connector, now: now)
        return copy.effectiveDecision(intent: intent, charger: charger)
    }

    /// Forgets what the charger was told, after it reconnected or booted, so that the current
    /// decisions are sent again. A profile it had accepted is still withdrawn when no longer wanted.
    public mutating func forgetCharger() {
        if installedProfile != nil { installedProfileIsStale = true }
        toldSession = nil
        toldAvailability = nil
        limitAttempt = nil
        sessionAttempt = nil
        availabilityAttempt = nil
        nextWakeUp = nil
    }

    func effectiveDecision(intent: ConnectorIntent, charger: ChargerFacts) -> EffectiveDecision {
        var decision = EffectiveDecision(
            charging: intent.charging, limitAmps: intent.limitAmps, phases: intent.phases, session: intent.session,
            availability: intent.availability)
        if let limitOverride {
            decision.limitAmps = limitOverride.value
            decision.charging = .charge
            decision.limitSource = .override
        }
        if let sessionOverride {
            decision.session = sessionOverride.value
            decision.sessionSource = .override
        }
        if let availabilityOverride {
            decision.availability = availabilityOverride.value
            decision.availabilitySource = .override
        }
        if decision.charging == .pause {
            decision.limitAmps = nil
        } else if let amps = decision.limitAmps {
            let clipped = (max(0, min(amps, charger.maxCurrent)) * 10).rounded() / 10
            if clipped < charger.minCurrent {
                decision.charging = .pause
                decision.limitAmps = nil
            } else {
                decision.limitAmps = clipped
            }
        }
        return decision
    }

    mutating func refreshOverrides(connector: ConnectorFacts, now: Date) {
        if limitOverride?.stillApplies(now: now, transactionId: connector.transactionId) == false {
            limitOverride = nil
        }
        if sessionOverride?.stillApplies(now: now, transactionId: connector.transactionId) == false {
            sessionOverride = nil
        }
        if availabilityOverride?.stillApplies(now: now, transactionId: connector.transactionId) == false {
            availabilityOverride = nil
        }
    }

    mutating func refreshSessionMemory(connector: ConnectorFacts) {
        if let paused = pauseStoppedTransactionId {
            // The car left, or another session runs: there is nothing to resume any more.
            let other = connector.transactionId.map { $0 != paused } ?? false
            if connector.status == .available || other { pauseStoppedTransactionId = nil }
        }
        if let installed = installedProfile, installed.purpose == .txProfile,
            installed.transactionId != connector.transactionId
        {
            // The charger drops a TxProfile when its transaction ends.
            installedProfile = nil
            installedProfileIsStale = false
        }
    }

    mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }
}
