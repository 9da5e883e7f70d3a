/// An OCPP 1.6 enumeration: known values with their exact spellings, and a home for values
/// the standard does not define, which only a lenient decoding lets through.
///
/// Conforming enums declare `case unrecognized(String)`, which satisfies `unrecognized(_:)`
/// (not `unknown`: ClearChargingProfileStatus has a value named `Unknown`).
public protocol OCPPEnumeration: Sendable, Hashable, CustomStringConvertible {
    /// Every value the standard defines with its spelling, in the schema's order.
    static var spellings: [(value: Self, spelling: String)] { get }
    /// The known value with this exact spelling (a `switch`: faster than scanning `spellings`).
    static func known(_ spelling: String) -> Self?
    /// The exact spelling of the value on the wire.
    var spelling: String { get }
    /// A value outside the standard, kept as it was received.
    static func unrecognized(_ spelling: String) -> Self
    /// The received text when this is an unknown value.
    var unrecognizedSpelling: String? { get }
}

extension OCPPEnumeration {
    /// The value with this exact spelling, or `.unrecognized(spelling)`.
    public init(spelling: String) {
        self = Self.known(spelling) ?? Self.unrecognized(spelling)
    }

    /// Whether the standard defines this value.
    public var isKnown: Bool { unrecognizedSpelling == nil }

    public var description: String { spelling }
}
