import Dispatch
import Foundation

/// Runs an action whenever a signal arrives.
///
/// The signal is ignored for normal delivery and watched with a Dispatch source, so the action
/// runs as ordinary code on a queue rather than in a signal handler. The watch lasts as long as
/// the returned source is kept.
enum SignalWatcher {
    static func watch(_ number: Int32, _ action: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { @Sendable in action() }
        source.resume()
        return source
    }
}
