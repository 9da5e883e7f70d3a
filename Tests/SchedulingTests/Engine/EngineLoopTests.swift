import Foundation
import Testing

@testable import Scheduling

@Suite struct EngineLoopTests {
    @Test func triggersThatComeTogetherAreCoalescedIntoOnePass() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        let before = await harness.engine.evaluationCount()
        // In one turn of the actor, so that the loop cannot run between them (one at a time from
        // the test task, a loaded machine lets it run a pass between any two).
        await harness.engine.trigger(times: 20)
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() - before == 1)
        await harness.stop()
    }

    @Test func theRulesRunEveryTickAndNotOnMeterValues() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        #expect(await harness.engine.evaluationCount() == 1)
        await harness.changed(.meterValues(chargerId: "garage", connectorId: 1))
        #expect(await harness.engine.evaluationCount() == 1)
        await harness.advance(by: 9)
        #expect(await harness.engine.evaluationCount() == 1)
        await harness.advance(by: 1)
        #expect(await harness.engine.evaluationCount() == 2)
        await harness.changed(.status(chargerId: "garage", connectorId: 1))
        #expect(await harness.engine.evaluationCount() == 3)
        await harness.stop()
    }
}

extension SchedulingEngine {
    /// `trigger()` `count` times without leaving the actor.
    fileprivate func trigger(times count: Int) {
        for _ in 0..<count { trigger() }
    }
}
