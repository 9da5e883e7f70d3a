/// What the session family wants sent.
enum SessionTarget: Sendable, Hashable {
    case start(idTag: String)
    case resume(idTag: String)
    case stop(transactionId: Int)
    case pauseStop(transactionId: Int)
}
