import ChargingModel
import Foundation
import Testing

@testable import Scheduling

/// Chargers going offline together (a car park losing its network) cost the engine nothing until
/// the tick: no pass, no command, no decision, however many they are.
@Suite struct EngineDisconnectionTests {
    @Test func aThousandChargingChargersUnderAShareRuleGoingOfflineCostNoPassUntilTheTick() async throws {
        let count = 1_000
        let chargers = (0..<count).map {
            EngineHarness.charger("cp\($0)", status: .charging, transactionId: $0 + 1)
        }
        let harness = try EngineHarness(rules: "rule \"fuse\" { share 10000 A }", chargers: chargers)
        await harness.start()
        let passes = await harness.engine.evaluationCount()
        let calls = harness.caller.calls.count
        let decisions = try await harness.decisions().count
        #expect(calls == count)

        // As the directory tells it: the snapshot first, then the change.
        for charger in chargers {
            harness.directory.update(charger.id) { $0.connected = false }
            harness.directory.emit(.disconnected(chargerId: charger.id))
        }
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() == passes)

        // The tick reads them all again; they keep their share (they may still be drawing it) and
        // get nothing while away.
        await harness.advance(by: 10)
        #expect(await harness.engine.evaluationCount() == passes + 1)
        #expect(harness.caller.calls.count == calls)
        #expect(try await harness.decisions().count == decisions)
        await harness.stop()
    }
}
