import Transport

/// A source read by asking, every `interval` seconds: HTTP and Modbus. `poll()` does one read
/// and must end within `timeout` (its I/O carries that timeout), so at most one poll per source is
/// ever in flight and a device that hangs holds one request, never a queue of them.
public protocol PolledSource: InputSource {
    /// Seconds from the start of one poll to the start of the next.
    var interval: Double { get }

    /// The event loop that does the source's I/O: its polls are timed by that loop's timers and
    /// run on it, answers parsed there, without a thread hop per read.
    var loop: EventLoop { get }

    /// One read of every input of the source; throws the reason when it fails.
    func poll() async throws(SourceError) -> [String: Double]
}

extension PolledSource {
    /// Polls every `interval` seconds until cancelled. The schedule keeps its cadence (a poll that
    /// took 1 s of a 5 s interval is followed 4 s later); a poll that overran its interval is
    /// followed at once (on its wake-up grid), never by a burst to catch up. A failing source keeps
    /// being polled every interval, so it recovers as soon as the device answers again (SPEC:
    /// docs/sources.md). The second poll comes one interval and the source's `schedulePhase` after
    /// the first.
    ///
    /// Everything runs on the source's loop: the wait is a timer in the loop's heap (one heap for
    /// all the sources on that loop, no thread of their own), the poll's I/O and the parsing of
    /// the answer happen on the thread that reads the socket, and the delivery to the engine
    /// enters it from there when it is free. A read thus wakes no other thread (docs/architecture.md,
    /// "Sources"; BENCHMARKS.md, "Sources"). Each wait ends on the source's wake-up grid
    /// (`wakeTime(for:)`), so that the sources of a loop due within the same tenth of an interval
    /// share one wake-up of the loop.
    public func run(reporter: SourceReporter) async {
        let loop = self.loop
        await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            let period = UInt64((interval * 1_000_000_000).rounded())
            // The first poll at once; the schedule after it shifted by the source's phase.
            var next = loop.clockNanoseconds &+ UInt64((Double(period) * schedulePhase).rounded())
            while !Task.isCancelled {
                let result: Result<[String: Double], SourceError>
                do throws(SourceError) {
                    result = .success(try await poll())
                } catch {
                    result = .failure(error)
                }
                guard !Task.isCancelled else { return }
                await reporter.report(result)
                next = max(next &+ period, loop.clockNanoseconds)
                do {
                    try await loop.sleep(untilNanoseconds: wakeTime(for: next))
                } catch {
                    return
                }
            }
        }
    }
}

extension PolledSource {
    /// Where in its interval the source's polls fall, from 0 up to 1 (of an interval). Sources
    /// that start together (all of them, at start-up) would otherwise poll in the same instant
    /// every interval: a burst that the devices, the event loops and the engine take in turn,
    /// which delays the reads at its end and so the limits they drive. A fraction of the FNV-1a
    /// hash of the name, so that each source keeps its phase from one start to the next.
    public var schedulePhase: Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Double(hash % 1_000_000) / 1_000_000
    }

    /// The grid a poll's wake-up is rounded up to, in nanoseconds of the loop's clock: a tenth of
    /// the interval, at most 0.1 s.
    public var wakeGridNanoseconds: UInt64 {
        max(1, min(UInt64((interval * 100_000_000).rounded()), 100_000_000))
    }

    /// When a poll due at `deadline` (the loop's clock) is woken: the next point of the wake-up grid.
    /// Waking the loop costs a read more than the read's own work (BENCHMARKS.md, "Sources"), so
    /// polls due within the same cell of the grid (on the same loop) are woken together, at its
    /// end: never early, at most a tenth of an interval late. The schedule itself keeps its exact
    /// cadence (an interval that is a multiple of 0.1 s, as most are, keeps its polls exactly one
    /// interval apart).
    public func wakeTime(for deadline: UInt64) -> UInt64 {
        let grid = wakeGridNanoseconds
        let (cells, rest) = deadline.quotientAndRemainder(dividingBy: grid)
        return rest == 0 ? deadline : (cells &+ 1) &* grid
    }
}
