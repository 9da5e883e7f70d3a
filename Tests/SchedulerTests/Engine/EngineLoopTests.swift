import Foundation
import Testing

@testable import Scheduler

@Suite struct EngineLoopTests {
    @Test func triggersWhileTheEngineIsBusyAreCoalesced() async throws {
        let harness = try EngineHarness(rules: "rule \"cap\" { limit 10 A }")
        await harness.start()
        let before = await harness.engine.evaluationCount()
        for _ in 0..<20 { await harness.engine.trigger() }
        await harness.engine.settle()
        let after = await harness.engine.evaluationCount()
        // Without coalescing this would be 20; the loop may take one pass between two triggers.
        #expect((1...2).contains(after - before))
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
