import InputSources
import Synchronization
import TestSupport
import Transport

/// A polled source on `loop` that answers from a script, one entry per poll, then hangs (until
/// cancelled) after opening `scriptDone`; it counts polls in flight at once, and tells `polls` the
/// loop's clock at the start of each poll and whether the poll ran on the loop's thread.
final class ScriptedSource: PolledSource {
    let name: String
    let type = "scripted"
    let inputNames = ["grid.power"]
    let interval: Double
    let loop: EventLoop
    let scriptDone = AsyncGate()
    /// One element per poll, as it starts.
    let polls: AsyncStream<(clock: UInt64, onLoop: Bool)>
    private let pollStarted: AsyncStream<(clock: UInt64, onLoop: Bool)>.Continuation
    private let script: Mutex<[Result<[String: Double], SourceError>]>
    private let inFlight = Mutex<(now: Int, most: Int, polls: Int)>((0, 0, 0))

    init(name: String, interval: Double = 0.01, loop: EventLoop, script: [Result<[String: Double], SourceError>]) {
        self.name = name
        self.interval = interval
        self.loop = loop
        self.script = Mutex(script)
        (polls, pollStarted) = AsyncStream<(clock: UInt64, onLoop: Bool)>.makeStream()
    }

    var mostPollsAtOnce: Int { inFlight.withLock { $0.most } }
    var pollCount: Int { inFlight.withLock { $0.polls } }

    func poll() async throws(SourceError) -> [String: Double] {
        pollStarted.yield((loop.clockNanoseconds, loop.inEventLoop))
        inFlight.withLock { state in
            state.now += 1
            state.polls += 1
            state.most = max(state.most, state.now)
        }
        defer { inFlight.withLock { $0.now -= 1 } }
        let next = script.withLock { script in script.isEmpty ? nil : script.removeFirst() }
        guard let next else {
            scriptDone.open()
            // A device that never answers: the poll ends only when the source is stopped.
            try? await Task.sleep(for: .seconds(3600))
            throw SourceError("stopped")
        }
        return try next.get()
    }
}
