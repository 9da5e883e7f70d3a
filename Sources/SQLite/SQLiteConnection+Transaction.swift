extension SQLiteConnection {
    /// Runs `body` in a transaction and commits it, or rolls back when `body` throws.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock at once, so a transaction that reads and then
    /// writes never fails half-way with SQLITE_BUSY when another connection writes too.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try run("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            if isInTransaction { try? run("ROLLBACK") }
            throw error
        }
    }
}
