import Store
import Synchronization

/// The dispatcher's recorder: queues each command for the audit trail, then tells the observers
/// (the dashboard's event stream), so that every command, whoever sent it, is seen live.
final class ObservedCommandRecorder: CommandRecording {
    private let recorder: any CommandRecording
    private let observers = Mutex<[CommandObserver]>([])

    init(_ recorder: any CommandRecording) {
        self.recorder = recorder
    }

    func recordCommand(_ command: CommandRecord) {
        recorder.recordCommand(command)
        let current = observers.withLock { $0 }
        for observer in current { observer.notify(command) }
    }

    func observe(_ observer: @escaping @Sendable (CommandRecord) -> Void) {
        observers.withLock { $0.append(CommandObserver(observer)) }
    }
}
