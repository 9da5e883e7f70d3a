/// Where log lines go. `Logger` hands every line to one process-wide sink.
///
/// A sink is a reference held in an existential (`any LogSink`), not a closure: a closure read
/// back out of a `Mutex` is reabstracted and written back on every read, and each read then
/// wraps it in one more thunk (a server died after ~105,000 lines, 80,000 frames deep; see
/// docs/architecture.md, "Logging").
public protocol LogSink: Sendable {
    /// Takes one whole line, newline included. Must not block for long: it is called from the
    /// event loops.
    func write(_ line: String)
    /// Returns once every line written before has reached its destination (or could not).
    func flush()
}
