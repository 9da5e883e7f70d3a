import Foundation
import Synchronization

/// One line per event on standard error: `2026-11-25T08:00:00.123Z INFO [central] message`.
///
/// A `Logger` is a label plus the process-wide level and sink, so it is cheap to copy into every
/// component. Messages are autoclosures: a frame logged at `debug` costs nothing at `info`.
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

    /// Where lines go; tests replace it to capture output.
    public static var sink: @Sendable (String) -> Void {
        get { sinkStorage.withLock { $0 } }
        set { sinkStorage.withLock { $0 = newValue } }
    }

    private static let levelStorage = Atomic<Int>(LogLevel.info.rawValue)
    private static let sinkStorage = Mutex<@Sendable (String) -> Void>({ line in
        FileHandle.standardError.write(Data(line.utf8))
    })

    public func isEnabled(_ level: LogLevel) -> Bool { level >= Logger.level }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard isEnabled(level) else { return }
        let line = "\(Logger.timestamp(Date())) \(level.name) [\(label)] \(message())\n"
        Logger.sink(line)
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// UTC ISO 8601 with milliseconds, formatted by hand: `ISO8601DateFormatter` is slow and not
    /// Sendable, and logging sits on the hot path at `debug`.
    public static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds % 1000))
    }
}
