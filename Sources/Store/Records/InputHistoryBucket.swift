/// One input's average over one step of `Store.inputHistory`.
public struct InputHistoryBucket: Sendable, Equatable {
    /// The step's number from the start of the query.
    public var index: Int
    public var name: String
    public var value: Double

    public init(index: Int, name: String, value: Double) {
        self.index = index
        self.name = name
        self.value = value
    }
}
