/// Carries a loop-confined value (a `Connection`, a handler) across a concurrency boundary so it
/// can be used again on its own loop, typically inside `loop.execute { ... }`.
///
/// Reading `value` anywhere but on `loop` traps: that check is what makes the `Sendable`
/// conformance safe.
public struct LoopBound<Value>: @unchecked Sendable {
    /// The loop the value belongs to.
    public let loop: EventLoop
    private let storage: Value

    /// Wraps a value that belongs to `loop` (created there, or not yet used anywhere else).
    public init(_ value: Value, loop: EventLoop) {
        self.loop = loop
        self.storage = value
    }

    /// The value; only on `loop`.
    public var value: Value {
        precondition(loop.inEventLoop, "LoopBound value accessed off its loop")
        return storage
    }
}
