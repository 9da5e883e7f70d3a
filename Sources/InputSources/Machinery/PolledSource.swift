/// A source read by asking, every `interval` seconds: HTTP and Modbus. `poll()` does one read
/// and must end within `timeout` (its I/O carries that timeout), so at most one poll per source is
/// ever in flight and a device that hangs holds one request, never a queue of them.
public protocol PolledSource: InputSource {
    /// Seconds from the start of one poll to the start of the next.
    var interval: Double { get }

    /// One read of every input of the source; throws the reason when it fails.
    func poll() async throws(SourceError) -> [String: Double]
}

extension PolledSource {
    /// Polls every `interval` seconds until cancelled. The schedule keeps its cadence (a poll that
    /// took 1 s of a 5 s interval is followed 4 s later); a poll that overran its interval is
    /// followed at once, never by a burst to catch up. A failing source keeps being polled every
    /// interval, so it recovers as soon as the device answers again (SPEC: docs/sources.md). The
    /// second poll comes one interval and the source's `schedulePhase` after the first.
    public func run(reporter: SourceReporter) async {
        let clock = ContinuousClock()
        let period = Duration.milliseconds(Int64((interval * 1000).rounded()))
        // The first poll at once; the schedule after it shifted by the source's phase.
        var next = clock.now.advanced(by: .milliseconds(Int64((interval * 1000 * schedulePhase).rounded())))
        while !Task.isCancelled {
            let result: Result<[String: Double], SourceError>
            do {
                result = .success(try await poll())
            } catch {
                result = .failure(error)
            }
            guard !Task.isCancelled else { return }
            await reporter.report(result)
            next = max(next.advanced(by: period), clock.now)
            do {
                try await Task.sleep(until: next, clock: clock)
            } catch {
                return
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
