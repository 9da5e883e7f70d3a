/// One `name=value` pair of a query string, percent-decoded. Repeated names stay separate items, in order.
public struct HTTPQueryItem: Sendable, Hashable {
    public var name: String
    /// The decoded value; empty for an item written without `=`.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
