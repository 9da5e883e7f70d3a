import Chronology
import Dispatch
import Foundation
import Synchronization

/// Writes log lines to a file descriptor (standard error by default) from a thread of its own, so
/// that an event loop that logs never waits for a slow terminal, pipe or journal.
///
/// Lines wait in one buffer of at most `capacity` bytes. When the destination cannot keep up and
/// the buffer is full, further lines are dropped and counted, and one line saying how many were
/// lost follows as soon as there is room: a log that falls behind loses lines, the server never
/// stalls and its memory stays bounded (docs/architecture.md, "Logging").
public final class FileDescriptorLogSink: LogSink {
    private struct State {
        var pending: [UInt8] = []
        /// Dropped and not yet reported in the log.
        var dropped = 0
        /// Dropped since the sink was made.
        var droppedTotal = 0
        var writing = false
        var flushWaiters = 0
    }

    public let capacity: Int
    private let descriptor: Int32
    private let state = Mutex(State())
    /// Signalled when the buffer goes from empty to not empty: the writer then takes all of it.
    private let work = DispatchSemaphore(value: 0)
    /// Signalled once per waiting `flush()` when the writer has written everything.
    private let idle = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - descriptor: where lines go; it is not closed.
    ///   - capacity: the most bytes that may wait (default 1 MiB, a few seconds of `debug` at
    ///     thousands of frames a second).
    public init(descriptor: Int32 = STDERR_FILENO, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.capacity = capacity
        let thread = Thread { [self] in self.run() }
        thread.name = "ampwise-log"
        thread.start()
    }

    public func write(_ line: String) {
        let wake = state.withLock { state -> Bool in
            guard state.pending.count + line.utf8.count <= capacity else {
                state.dropped += 1
                state.droppedTotal += 1
                return false
            }
            let wasEmpty = state.pending.isEmpty
            state.pending.append(contentsOf: line.utf8)
            return wasEmpty
        }
        if wake { work.signal() }
    }

    public func flush() {
        let mustWait = state.withLock { state -> Bool in
            guard !state.pending.isEmpty || state.writing else { return false }
            state.flushWaiters += 1
            return true
        }
        if mustWait { _ = idle.wait(timeout: .now() + 2) }
    }

    /// Lines dropped since the sink was made, whether the note saying so has been written or not
    /// (the writer takes the count of those not yet reported at any moment, so that one is no use to
    /// a reader).
    public var droppedLines: Int { state.withLock { $0.droppedTotal } }

    private func run() {
        var chunk: [UInt8] = []
        while true {
            work.wait()
            let dropped = state.withLock { state -> Int in
                state.writing = true
                swap(&chunk, &state.pending)
                defer { state.dropped = 0 }
                return state.dropped
            }
            if dropped > 0 {
                let note =
                    "\(RFC3339.format(Date(), fraction: .milliseconds)) WARNING [logging] \(dropped) log lines dropped: "
                    + "the log's destination did not keep up\n"
                chunk.append(contentsOf: note.utf8)
            }
            writeAll(chunk)
            chunk.removeAll(keepingCapacity: chunk.capacity <= capacity)
            let waiters = state.withLock { state -> Int in
                state.writing = false
                guard state.pending.isEmpty else { return 0 }
                defer { state.flushWaiters = 0 }
                return state.flushWaiters
            }
            for _ in 0..<waiters { idle.signal() }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // closed or broken: nothing more can be written there
                }
            }
        }
    }
}
