import Logging
import Synchronization

/// A log sink that keeps the lines whose label is `label` (other tests log too, in parallel),
/// or only counts them when `keepsLines` is false.
public final class CapturingLogSink: LogSink {
    public let label: String
    private let keepsLines: Bool
    private let state = Mutex<(lines: [String], count: Int)>(([], 0))

    public init(label: String, keepsLines: Bool = true) {
        self.label = label
        self.keepsLines = keepsLines
    }

    public func write(_ line: String) {
        guard line.contains("[\(label)]") else { return }
        state.withLock { state in
            state.count += 1
            if keepsLines { state.lines.append(line) }
        }
    }

    public func flush() {}

    public var lines: [String] { state.withLock { $0.lines } }
    public var count: Int { state.withLock { $0.count } }
}
