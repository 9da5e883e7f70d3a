import Dispatch

extension DispatchQueue {
    /// Traps in debug builds when the caller does not run on this queue: how the store checks its
    /// claim that only its serial queue touches the database connection (GRDB checks its
    /// database queue the same way). Release builds skip the check.
    @inline(__always)
    func assertIsCurrent() {
        #if DEBUG
            dispatchPrecondition(condition: .onQueue(self))
        #endif
    }
}
