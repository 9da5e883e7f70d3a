import Chronology
import Foundation
import Synchronization

/// One line per event on standard error: `2026-11-25T08:00:00.123Z INFO [central] message`, or
/// for the systemd journal `<6>INFO [central] message` (`LogFormat`).
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

    /// The process-wide line format.
    public static var format: LogFormat {
        get { formatStorage.load(ordering: .relaxed) ? .journal : .text }
        set { formatStorage.store(newValue == .journal, ordering: .relaxed) }
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
    /// `true`: `LogFormat.journal`.
    private static let formatStorage = Atomic<Bool>(false)
    private static let sinkStorage = Mutex<any LogSink>(FileDescriptorLogSink())

    public func isEnabled(_ level: LogLevel) -> Bool { level >= Logger.level }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> LogMessage) {
        guard isEnabled(level) else { return }
        Logger.sink.write(
            Logger.line(format: Logger.format, level: level, label: label, message: message().text, at: Date()))
    }

    public func debug(_ message: @autoclosure () -> LogMessage) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> LogMessage) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> LogMessage) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> LogMessage) { log(.error, message()) }

    /// One line in `format`, with its newline.
    public static func line(format: LogFormat, level: LogLevel, label: String, message: String, at date: Date) -> String
    {
        switch format {
        case .text: "\(RFC3339.format(date, fraction: .milliseconds)) \(level.name) [\(label)] \(message)\n"
        case .journal: "<\(LogFormat.priority(of: level))>\(level.name) [\(label)] \(message)\n"
        }
    }
}
