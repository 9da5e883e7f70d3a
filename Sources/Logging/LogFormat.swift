import Glibc

/// How a log line is written.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-25T08:00:00.123Z INFO [central] message`: for a terminal or a file.
    case text
    /// `<6>INFO [central] message`: for the systemd journal, which adds its own timestamp and reads
    /// the `<N>` prefix (sd-daemon(3) level prefixes, on by default: `SyslogLevelPrefix=` in
    /// systemd.exec(5)) as the line's priority, so `journalctl -p warning` works.
    case journal

    /// `journal` when standard error is the systemd journal, else `text`. systemd sets
    /// `JOURNAL_STREAM` to `DEVICE:INODE` of the stream it connects to the journal (systemd.exec(5),
    /// "Environment variables set or propagated by the service manager"); a child whose standard
    /// error was redirected elsewhere inherits the variable, so the numbers are compared.
    public static func detected(journalStream: String? = getenv("JOURNAL_STREAM").map { String(cString: $0) })
        -> LogFormat
    {
        guard let journalStream else { return .text }
        let parts = journalStream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .text }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return .text }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode ? .journal : .text
    }

    /// The syslog priority of a level (syslog(3): error 3, warning 4, info 6, debug 7).
    public static func priority(of level: LogLevel) -> Int {
        switch level {
        case .debug: 7
        case .info: 6
        case .warning: 4
        case .error: 3
        }
    }
}
