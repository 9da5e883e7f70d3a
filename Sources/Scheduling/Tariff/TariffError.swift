/// Why pushed prices were refused; the message names the entry, for the API's 400 answer.
public enum TariffError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAnArray
    case notAnObject(index: Int)
    case missingField(index: Int, field: String)
    case badTimestamp(index: Int, field: String)
    case badPrice(index: Int)
    case endNotAfterStart(index: Int)
    case overlapping(index: Int, otherIndex: Int)

    public var description: String {
        switch self {
        case .notAnArray: "expected an array of {start, end, price}"
        case .notAnObject(let index): "[\(index)]: expected an object"
        case .missingField(let index, let field): "[\(index)].\(field): missing"
        case .badTimestamp(let index, let field): "[\(index)].\(field): expected an ISO 8601 timestamp"
        case .badPrice(let index): "[\(index)].price: expected \(TariffSlot.priceRange)"
        case .endNotAfterStart(let index): "[\(index)].end: must be after start"
        case .overlapping(let index, let otherIndex): "[\(index)]: overlaps [\(otherIndex)]"
        }
    }
}
