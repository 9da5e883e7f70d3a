/// An OCPP enumeration (1.6 or 2.0.1): known values with their exact spellings, and a home for values
/// the standard does not define, which only a lenient decoding lets through.
///
/// Conforming enums declare `case unrecognized(String)`, which satisfies `unrecognized(_:)`
/// (not `unknown`: ClearChargingProfileStatus has a value named `Unknown`), and spell their
/// known values once, in `spellings`.
public protocol OCPPEnumeration: Sendable, Hashable, CustomStringConvertible {
    /// Every value the standard defines with its spelling, in the schema's order. A `static let`,
    /// so that its lookup dictionaries are built once.
    static var spellings: OCPPSpellings<Self> { get }
    /// A value outside the standard, kept as it was received.
    static func unrecognized(_ spelling: String) -> Self
    /// The received text when this is an unknown value.
    var unrecognizedSpelling: String? { get }
}

extension OCPPEnumeration {
    /// The known value with this exact spelling.
    public static func known(_ spelling: String) -> Self? {
        spellings.value(spelled: spelling)
    }

    /// The value with this exact spelling, or `.unrecognized(spelling)`.
    public init(spelling: String) {
        self = Self.known(spelling) ?? Self.unrecognized(spelling)
    }

    /// The exact spelling of the value on the wire.
    public var spelling: String {
        if let spelling = Self.spellings.spelling(of: self) { return spelling }
        // A known case missing from `spellings` has no spelling: the table replaced a `switch` the compiler
        // checked for every case, so this stops the program rather than send something made up.
        guard let unrecognizedSpelling else { preconditionFailure("a case of \(Self.self) is not in its spellings") }
        return unrecognizedSpelling
    }

    /// Whether the standard defines this value.
    public var isKnown: Bool { unrecognizedSpelling == nil }

    public var description: String { spelling }
}
