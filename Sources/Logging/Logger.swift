import Chronology
import Foundation
import Synchronization

/// One line per event on standard error: `2026-11-25T08:00:00.123Z INFO [central] message`.
///
/// A `Logger` is a label plus the process-wide level and sink, so it is cheap to copy into every
/// component. Messages are autoclosures (a frame logged at `debug` costs nothing at `info`), and
/// `LogMessage` escapes every interpolated value, so nothing from outside can start a line.
public struct Logger: Sendable {
    public let label: String

    public init(label: String) {
        self.label = label
    }

    /// The process-wide minimum level.
    public static var level: LogLevel {
        get { LogLevel(rawValue: Int(levelStorage.load(ordering: .relaxed))) ?? .info }
        set { levelStorage.store(newValue.rawValue, ordering: .relaxed) }
    }

    /// Where lines go: standard error, written from a thread of its own; tests replace it.
    public static var sink: any LogSink {
        get { sinkStorage.withLock { $0 } }
        set { sinkStorage.withLock { $0 = newValue } }
    }

    /// Waits until every line logged so far is written (at exit, and before a command writes to
    /// standard error directly, so that lines keep their order).
    public static func flush() {
        sink.flush()
    }

    private static let levelStorage = Atomic<Int>(LogLevel.info.rawValue)
    private static let sinkStorage = Mutex<any LogSink>(FileDescriptorLogSink())

    public func isEnabled(_ level: LogLevel) -> Bool { level >= Logger.level }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> LogMessage) {
        guard isEnabled(level) else { return }
        let line = "\(RFC3339.format(Date(), fraction: .milliseconds)) \(level.name) [\(label)] \(message().text)\n"
        Logger.sink.write(line)
    }

    public func debug(_ message: @autoclosure () -> LogMessage) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> LogMessage) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> LogMessage) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> LogMessage) { log(.error, message()) }
}
