/// Where a source stands, as `GET /api/sources` says it.
public enum SourceState: String, Sendable, Equatable {
    /// Not read yet since start-up.
    case starting
    /// The last read succeeded.
    case ok
    /// The last read failed; `lastError` says why.
    case failing
}
