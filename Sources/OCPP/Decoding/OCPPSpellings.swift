/// The spellings of one OCPP enumeration: written once, in the schema's order, and looked up both ways in O(1).
///
/// Each enumeration used to spell its values three times (this list, a `switch` from text and a `switch` back), and
/// nothing kept the three in step. The list stays, for messages naming the allowed values and for tests that walk
/// every value; the dictionaries built from it serve decoding and encoding, which meet these values in every
/// StatusNotification and every sampled value, so neither direction scans the list. Keep a table in a `static let`:
/// the dictionaries are then built once per type, not on every lookup.
public struct OCPPSpellings<Value: Hashable & Sendable>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    public typealias Element = (value: Value, spelling: String)

    private let entries: [Element]
    private let valuesBySpelling: [String: Value]
    private let spellingsByValue: [Value: String]
    /// For lenient decoding, which forgives a charger's capitalisation; where two spellings differ only in case
    /// (none in OCPP 1.6 or 2.0.1 do), the first in the schema's order wins.
    private let valuesByLowercasedSpelling: [String: Value]

    /// A spelling or a value listed twice is a mistake in the table, which stops the program the first time the
    /// table is used rather than decoding one of the two values as the other.
    public init(arrayLiteral entries: Element...) {
        var valuesBySpelling: [String: Value] = [:]
        var spellingsByValue: [Value: String] = [:]
        var valuesByLowercasedSpelling: [String: Value] = [:]
        for (value, spelling) in entries {
            // The value is not named: its description would read this table while it is being built.
            precondition(
                valuesBySpelling.updateValue(value, forKey: spelling) == nil,
                "\"\(spelling)\" is listed twice in the spellings of \(Value.self)")
            precondition(
                spellingsByValue.updateValue(spelling, forKey: value) == nil,
                "\"\(spelling)\" spells a value of \(Value.self) that is listed already")
            let lowercased = spelling.lowercased()
            if valuesByLowercasedSpelling[lowercased] == nil { valuesByLowercasedSpelling[lowercased] = value }
        }
        self.entries = entries
        self.valuesBySpelling = valuesBySpelling
        self.spellingsByValue = spellingsByValue
        self.valuesByLowercasedSpelling = valuesByLowercasedSpelling
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Element { entries[position] }

    /// The value with exactly this spelling.
    public func value(spelled spelling: String) -> Value? { valuesBySpelling[spelling] }

    /// The value whose spelling is this one but for upper and lower case.
    public func value(spelledIgnoringCase spelling: String) -> Value? {
        valuesByLowercasedSpelling[spelling.lowercased()]
    }

    /// The spelling of this value, if the table lists it.
    public func spelling(of value: Value) -> String? { spellingsByValue[value] }
}
