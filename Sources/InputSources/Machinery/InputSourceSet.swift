import Foundation
import Logging
import Synchronization

/// The sources of a site: runs each in a task of its own, delivers what they read to the inputs,
/// keeps their statuses for `GET /api/sources` and `/metrics`, and logs each outage once when it
/// starts and once when it ends (docs/sources.md, "When a device is down").
///
/// Nothing here blocks: a polled source's task runs on its device's event loop (`PolledSource.run`)
/// and `handle` with it, and it awaits its I/O and the engine's `updateInputsFromSource`, one
/// reading at a time, so a device that hangs holds its own task and nothing else.
public final class InputSourceSet: Sendable {
    public let sources: [any InputSource]
    private let sink: any InputSink
    private let now: @Sendable () -> Date
    private let statusByName: Mutex<[String: SourceStatus]>
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let logger: Logger

    /// `logLabel`: the log lines' label (`[sources]`); tests give their own.
    public init(
        sources: [any InputSource], sink: any InputSink, now: @escaping @Sendable () -> Date = { Date() },
        logLabel: String = "sources"
    ) {
        logger = Logger(label: logLabel)
        self.sources = sources.sorted { $0.name < $1.name }
        self.sink = sink
        self.now = now
        statusByName = Mutex(
            Dictionary(uniqueKeysWithValues: sources.map { ($0.name, SourceStatus(name: $0.name, type: $0.type)) }))
    }

    /// Starts every source's task. Call once.
    public func start() {
        let started = sources.map { source in
            let reporter = SourceReporter(sourceName: source.name, set: self)
            return Task { await source.run(reporter: reporter) }
        }
        tasks.withLock { $0 = started }
        if !sources.isEmpty {
            logger.info(
                "reading \(sources.count) source\(sources.count == 1 ? "" : "s"): \(sources.map(\.name).joined(separator: ", "))"
            )
        }
    }

    /// Cancels every source and waits until each task has ended.
    public func stop() async {
        let running = tasks.withLock { tasks in
            let taken = tasks
            tasks = []
            return taken
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Every source's status, by name.
    public func statuses() -> [SourceStatus] {
        statusByName.withLock { statuses in statuses.values.sorted { $0.name < $1.name } }
    }

    func handle(_ result: Result<[String: Double], SourceError>, from name: String) async {
        var outcome = result
        if case .success(let values) = result {
            do {
                try await sink.setInputs(values)
            } catch {
                outcome = .failure(error)
            }
        }
        let time = now()
        let transition = statusByName.withLock { statuses -> Transition? in
            guard var status = statuses[name] else { return nil }
            defer { statuses[name] = status }
            switch outcome {
            case .success(let values):
                let failures = status.consecutiveFailures
                let since = status.lastSuccess
                let wasFailing = status.state == .failing
                status.state = .ok
                status.lastValues.merge(values) { _, new in new }
                status.lastSuccess = time
                status.successCount += 1
                status.consecutiveFailures = 0
                return wasFailing ? .recovered(failedReads: failures, downSince: since) : nil
            case .failure(let error):
                let wasFailing = status.state == .failing
                status.state = .failing
                status.lastError = error.message
                status.lastErrorAt = time
                status.failureCount += 1
                status.consecutiveFailures += 1
                return wasFailing ? nil : .failed(error)
            }
        }
        switch transition {
        case .failed(let error):
            logger.warning("\(name): cannot read: \(error.message); retrying every interval, logging the recovery")
        case .recovered(let failedReads, let downSince):
            let down = downSince.map { " (last good read \(Int(time.timeIntervalSince($0).rounded())) s ago)" } ?? ""
            logger.info("\(name): reading again after \(failedReads) failed read\(failedReads == 1 ? "" : "s")\(down)")
        case nil:
            break
        }
    }

    private enum Transition {
        case failed(SourceError)
        case recovered(failedReads: Int, downSince: Date?)
    }
}
