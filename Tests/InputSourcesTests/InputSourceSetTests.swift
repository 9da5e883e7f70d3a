import InputSources
import Logging
import TestSupport
import Testing
import Transport

@Suite(.serialized) struct InputSourceSetTests {
    static func reading(_ value: Double) -> Result<[String: Double], SourceError> { .success(["grid.power": value]) }
    static func failure(_ reason: String) -> Result<[String: Double], SourceError> { .failure(SourceError(reason)) }

    @Test func logsEachOutageOnceAndItsRecoveryOnce() async {
        let sink = CapturingLogSink(label: "sources-outage-test")
        let previous = Logger.sink
        Logger.sink = sink
        defer { Logger.sink = previous }
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let source = ScriptedSource(
            name: "meter", loop: group.next(),
            script: [
                Self.reading(1), Self.failure("refused"), Self.failure("refused"), Self.failure("timed out"),
                Self.reading(2), Self.failure("HTTP 500"),
            ])
        let delivered = RecordingSink()
        let set = InputSourceSet(sources: [source], sink: delivered, logLabel: "sources-outage-test")
        set.start()
        await source.scriptDone.wait()
        await set.stop()
        let lines = sink.lines.filter { $0.contains("meter:") }
        #expect(lines.count == 3)
        #expect(lines.filter { $0.contains("meter: cannot read: refused") }.count == 1)
        #expect(lines.filter { $0.contains("meter: reading again after 3 failed reads") }.count == 1)
        #expect(lines.filter { $0.contains("meter: cannot read: HTTP 500") }.count == 1)
        #expect(delivered.all == [["grid.power": 1], ["grid.power": 2]])
        let status = set.statuses()[0]
        #expect(status.state == .failing)
        #expect(status.lastError == "HTTP 500")
        #expect(status.lastValues == ["grid.power": 2])
        #expect(status.successCount == 2)
        #expect(status.failureCount == 4)
    }

    @Test func aValueTheInputsRefuseIsAFailedRead() async {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let source = ScriptedSource(name: "meter", loop: group.next(), script: [Self.reading(5), Self.reading(5e12)])
        let set = InputSourceSet(sources: [source], sink: RecordingSink(refusedAbove: 1e9))
        set.start()
        await source.scriptDone.wait()
        await set.stop()
        let status = set.statuses()[0]
        #expect(status.state == .failing)
        #expect(status.lastError == "out of range")
        #expect(status.lastValues == ["grid.power": 5])
    }

    @Test func aHangingDeviceHoldsOnePollAndDelaysNoOtherSource() async {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let hanging = ScriptedSource(name: "hanging", loop: group.next(), script: [])
        let healthy = ScriptedSource(
            name: "healthy", loop: group.next(), script: (1...20).map { Self.reading(Double($0)) })
        let delivered = RecordingSink()
        let set = InputSourceSet(sources: [hanging, healthy], sink: delivered)
        set.start()
        await hanging.scriptDone.wait()
        await healthy.scriptDone.wait()
        await set.stop()
        #expect(delivered.all.count == 20)
        #expect(hanging.pollCount == 1)
        #expect(hanging.mostPollsAtOnce == 1)
        #expect(set.statuses().map(\.state) == [.starting, .ok])
    }

    @Test func stopEndsSourcesWhosePollNeverReturns() async {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let hanging = ScriptedSource(name: "hanging", loop: group.next(), script: [])
        let set = InputSourceSet(sources: [hanging], sink: RecordingSink())
        set.start()
        await hanging.scriptDone.wait()
        // Returns only once the hanging poll was cancelled and the task ended.
        await set.stop()
        #expect(set.statuses()[0].state == .starting)
    }

    /// Two hundred sources started together must not poll in the same instant every interval.
    @Test func sourcesStartedTogetherPollAtPhasesSpreadOverTheirInterval() {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let phases = (0..<200).map { ScriptedSource(name: "http-\($0)", loop: group.next(), script: []).schedulePhase }
        #expect(phases.allSatisfy { $0 >= 0 && $0 < 1 })
        var perTenth = [Int](repeating: 0, count: 10)
        for phase in phases { perTenth[Int(phase * 10)] += 1 }
        // About 20 in each tenth of the interval; none crowded, none empty.
        #expect(perTenth.allSatisfy { (8...35).contains($0) }, "\(perTenth)")
    }
}
