import CLinux
import Dispatch
import Foundation

/// Runs an action whenever a signal arrives.
///
/// The signal's handler only writes a byte to a pipe, and a Dispatch source reads the pipe, so
/// the action runs as ordinary code on a queue. The pipe holds a signal that arrives before the
/// source is ready (a Dispatch signal source registers asynchronously, and a SIGTERM sent right
/// after start-up was lost in that gap and left `ampwise serve` running). The watch lasts as long
/// as the returned source is kept.
enum SignalWatcher {
    static func watch(_ number: Int32, _ action: @escaping @Sendable () -> Void) -> any DispatchSourceRead {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("cannot watch signal \(number): pipe() failed, errno \(errno)") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        let readEnd = ends[0]
        let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: .global())
        source.setEventHandler { @Sendable in
            var bytes = [UInt8](repeating: 0, count: 16)
            let count = read(readEnd, &bytes, bytes.count)
            for _ in 0..<max(count, 0) { action() }
        }
        source.resume()
        guard ampwise_signal_to_pipe(number, ends[1]) == 0 else {
            fatalError("cannot watch signal \(number): sigaction failed, errno \(errno)")
        }
        return source
    }
}
