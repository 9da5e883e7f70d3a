import Foundation
import Testing

@testable import Scheduling

/// Values read by sources (`updateInputsFromSource`, docs/sources.md): delivered as pushed ones,
/// but a value read again unchanged only makes its input younger.
@Suite struct EngineSourceInputTests {
    static let solar = """
        rule "solar" {
            limit -grid.power
        }
        """

    @Test func theSameFreshValueReadAgainIsNoEvaluationButMakesTheInputYounger() async throws {
        let harness = try EngineHarness(rules: Self.solar)
        let events = InputEventCounter(harness.engine)
        await harness.start()
        try await harness.engine.updateInputsFromSource(try InputUpdate(json: ["grid.power": -3450]))
        await harness.engine.settle()
        #expect(harness.profiles.last == "TxDefaultProfile 15.0")
        let evaluations = await harness.engine.evaluationCount()
        #expect(events.value == 1)

        await harness.advance(by: 4)
        try await harness.engine.updateInputsFromSource(try InputUpdate(json: ["grid.power": -3450]))
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() == evaluations)
        #expect(events.value == 1)
        let inputs = await harness.engine.inputs()
        #expect(inputs.first { $0.name == "grid.power" }?.ageSeconds == 0)
        // The store has the younger reading too (a restart counts its age from it).
        await harness.store.flush()
        let stored = try await harness.store.inputs()
        #expect(stored.first { $0.name == "grid.power" }?.updatedAt == EngineHarness.start.addingTimeInterval(4))

        // A new value (a decrease: sent at once) is evaluated.
        try await harness.engine.updateInputsFromSource(try InputUpdate(json: ["grid.power": -2300]))
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() > evaluations)
        #expect(events.value == 2)
        #expect(harness.profiles.last == "TxDefaultProfile 10.0")
        await harness.stop()
    }

    /// An input gone stale is unknown to the rules: the same value read again makes it known.
    @Test func theSameValueAfterTheInputWentStaleIsEvaluated() async throws {
        let harness = try EngineHarness(rules: Self.solar)
        await harness.start()
        try await harness.engine.updateInputsFromSource(try InputUpdate(json: ["grid.power": -2300]))
        await harness.engine.settle()
        await harness.advance(by: 301)
        let evaluations = await harness.engine.evaluationCount()
        #expect(await harness.engine.inputs().first { $0.name == "grid.power" }?.stale == true)
        try await harness.engine.updateInputsFromSource(try InputUpdate(json: ["grid.power": -2300]))
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() > evaluations)
        #expect(await harness.engine.inputs().first { $0.name == "grid.power" }?.stale == false)
        await harness.stop()
    }

    /// 200 sources feeding inputs that no rule names must not cost 200 evaluations a second.
    @Test func anInputNoRuleReadsIsShownButNotEvaluated() async throws {
        let harness = try EngineHarness(rules: Self.solar)
        let events = InputEventCounter(harness.engine)
        await harness.start()
        let evaluations = await harness.engine.evaluationCount()
        for value in [1.0, 2, 3] {
            try await harness.engine.updateInputsFromSource(InputUpdate(values: [InputName("input.other")!: value]))
        }
        await harness.engine.settle()
        #expect(await harness.engine.evaluationCount() == evaluations)
        #expect(events.value == 3)
        #expect(await harness.engine.inputs().map(\.value) == [3])
        await harness.stop()
    }
}
