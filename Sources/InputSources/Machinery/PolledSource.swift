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
    /// followed at once, never by a burst to catch up. A failing source keeps being polled every
    /// interval, so it recovers as soon as the device answers again (SPEC: docs/sources.md). The
    /// second poll comes one interval and the source's `schedulePhase` after the first.
    ///
    /// Everything runs on the source's loop: the wait is a timer in the loop's heap (one heap for
    /// all the sources on that loop, no thread of their own), the poll's I/O and the parsing of
    /// the answer happen on the thread that reads the socket, and the delivery to the engine
    /// enters it from there when it is free. A read thus wakes no other thread (docs/architecture.md,
    /// "Sources"; BENCHMARKS.md, "Sources").
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
                    try await loop.sleep(untilNanoseconds: next)
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
}
