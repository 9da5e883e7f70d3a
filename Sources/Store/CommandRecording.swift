/// Where commands are recorded: the `Store`, or a stand-in in tests of the code that sends them.
public protocol CommandRecording: Sendable {
    /// Queues a command and its outcome for the audit trail.
    func recordCommand(_ command: CommandRecord)
}

extension Store: CommandRecording {}
