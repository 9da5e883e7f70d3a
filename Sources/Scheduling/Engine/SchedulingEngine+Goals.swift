import ChargingModel
import Chronology
import Foundation
import Logging
import Rules

extension SchedulingEngine {
    /// The most a goal may ask, in Wh: no car holds a megawatt hour (SPEC §10: "absurd").
    public static let maximumGoalEnergyWh = 1_000_000.0
    /// How far ahead a goal's `by` may lie: a week is more than any tariff publishes.
    public static let maximumGoalHorizon: TimeInterval = 7 * 86_400

    public func setGoal(_ request: EnergyGoalRequest) async throws(SchedulerControlError) -> EnergyGoalPlan {
        guard request.energyWh.isFinite, request.energyWh > 0, request.energyWh <= Self.maximumGoalEnergyWh else {
            throw SchedulerControlError("energyKWh: expected a number above 0 and at most 1000")
        }
        let now = clock.now()
        guard request.by > now else { throw SchedulerControlError("by: must be in the future") }
        guard request.by.timeIntervalSince(now) <= Self.maximumGoalHorizon else {
            throw SchedulerControlError("by: must be within 7 days")
        }
        let snapshot = directory.snapshot(request.chargerId)
        let goal = EnergyGoal(
            chargerId: request.chargerId, connectorId: request.connectorId, energyWh: request.energyWh, by: request.by,
            strategy: request.strategy, setAt: now,
            transactionId: snapshot?.connector(request.connectorId)?.transaction?.id)
        core.setGoal(goal)
        let by = RFC3339.format(goal.by, fraction: .wholeSeconds)
        logger.info("\(goal.key): goal of \(goal.energyWh) Wh by \(by), \(goal.strategy.rawValue)")
        await queueGoalWrite(goal.key, goal).value
        // At once, not at the next turn of the loop: the API answers with the plan in force.
        changedChargers = nil
        await pass()
        return plan(of: core.goals[goal.key] ?? goal, now: clock.now())
    }

    public func goalPlan(chargerId: String, connectorId: Int) async -> EnergyGoalPlan? {
        let key = ConnectorKey(chargerId: chargerId, connectorId: connectorId)
        return core.goals[key].map { plan(of: $0, now: clock.now()) }
    }

    public func clearGoal(chargerId: String, connectorId: Int) async -> Bool {
        let key = ConnectorKey(chargerId: chargerId, connectorId: connectorId)
        guard core.clearGoal(key) else { return false }
        logger.info("\(key): goal cleared")
        await queueGoalWrite(key, nil).value
        changedChargers = nil
        await pass()
        return true
    }

    func plan(of goal: EnergyGoal, now: Date) -> EnergyGoalPlan {
        SchedulingWorld.goalPlan(
            goal, snapshot: directory.snapshot(goal.chargerId), settings: core.settings, inputs: inputs,
            tariff: tariff, now: now)
    }

    /// Keeps what a pass changed about the goals: an ended goal leaves the store, a goal tied to
    /// its session is stored with it.
    func storeGoalChanges(_ changes: [(key: ConnectorKey, goal: EnergyGoal?)]) {
        for (key, goal) in changes {
            if goal == nil { logger.info("\(key): goal ended") }
            queueGoalWrite(key, goal)
        }
    }

    /// Stores a connector's goal (nil: deletes it) after every goal write queued before, so that
    /// the store ends as the engine does whatever order the tasks run in.
    @discardableResult
    func queueGoalWrite(_ key: ConnectorKey, _ goal: EnergyGoal?) -> Task<Void, Never> {
        let previous = goalWrites
        let store = store
        let logger = logger
        let write = Task {
            await previous?.value
            do {
                if let goal {
                    try await store.saveEnergyGoal(goal)
                } else {
                    try await store.deleteEnergyGoal(chargerId: key.chargerId, connectorId: key.connectorId)
                }
            } catch {
                logger.warning("cannot store the goal of \(key): \(error)")
            }
        }
        goalWrites = write
        return write
    }

    /// The goals kept in the store (read by `start()`).
    func loadGoals() async {
        do {
            for goal in try await store.energyGoals() { core.setGoal(goal) }
        } catch {
            logger.warning("cannot read the stored goals: \(error)")
        }
    }
}
