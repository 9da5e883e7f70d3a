/// What a `ResultSlot` holds under its lock (public only so that the slot can be inlined).
@usableFromInline
struct ResultSlotState<Success: Sendable, Failure: Error>: Sendable {
    /// The waiting task, once it waits.
    @usableFromInline var continuation: UnsafeContinuation<Result<Success, Failure>, Never>?
    /// The result when it came before the task waited.
    @usableFromInline var early: Result<Success, Failure>?
    @usableFromInline var isFilled = false

    @inlinable init() {}
}
