import Dispatch
import Foundation

/// Runs an action on every SIGHUP (the Unix convention for "reload your configuration").
enum ReloadSignal {
    static func watch(_ action: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { @Sendable in action() }
        source.resume()
        return source
    }
}
