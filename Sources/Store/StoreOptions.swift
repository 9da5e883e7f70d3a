import Dispatch

/// How a `Store` writes.
public struct StoreOptions: Sendable {
    /// Queued writes (meter values, status, events, commands) are committed together once this
    /// many rows wait...
    public var batchMaxRows: Int
    /// ... or this long after the first of them was queued, whichever comes first.
    public var batchMaxDelayMilliseconds: Int
    /// How long queued input values (what sources read, docs/sources.md) may wait instead, when
    /// nothing else is queued: their own batch at most once a second, not ten commits a second
    /// that each write the same few pages again.
    public var relaxedBatchMaxDelayMilliseconds: Int
    /// How many hours back `input_history` keeps every value; older rows are thinned to one per
    /// input and minute, the minute's average (docs/database.md). `nil`: every row is kept.
    public var inputHistoryFullResolutionHours: Int?
    /// How long after opening the store first thins the input history (then every ten minutes).
    var inputHistoryThinningDelay = DispatchTimeInterval.seconds(60)
    /// Called on the store's queue after each thinning of the input history with the rows it
    /// removed: lets tests wait for it without sleeping.
    var onInputHistoryThinned: (@Sendable (_ removed: Int) -> Void)?
    /// How long a statement waits for another connection's lock (a `sqlite3` shell writing)
    /// before it fails with SQLITE_BUSY.
    public var busyTimeoutMilliseconds: Int
    /// `false` (the default): `synchronous = NORMAL`. In WAL mode a commit has reached the
    /// operating system when it returns, so it survives the process being killed (SIGKILL, a
    /// crash); only a power cut or kernel crash can lose the last commits. `true`:
    /// `synchronous = FULL`, every commit waits for fsync, and survives power loss too.
    public var survivesPowerLoss: Bool
    /// Called on the store's queue after each batch commit with its row count: lets tests wait
    /// for the batch timer without sleeping.
    var onBatchCommit: (@Sendable (_ rows: Int) -> Void)?

    public init(
        batchMaxRows: Int = 500, batchMaxDelayMilliseconds: Int = 100, relaxedBatchMaxDelayMilliseconds: Int = 1000,
        inputHistoryFullResolutionHours: Int? = 48, busyTimeoutMilliseconds: Int = 5000, survivesPowerLoss: Bool = false
    ) {
        self.inputHistoryFullResolutionHours = inputHistoryFullResolutionHours
        self.batchMaxRows = batchMaxRows
        self.batchMaxDelayMilliseconds = batchMaxDelayMilliseconds
        self.relaxedBatchMaxDelayMilliseconds = relaxedBatchMaxDelayMilliseconds
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.survivesPowerLoss = survivesPowerLoss
    }
}
