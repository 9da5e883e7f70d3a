/// What a charger id (OCPP 1.6's "Charge Point identity", 2.0.1's "Charging Station identity": the
/// last segment of the connection URL) may be. docs/charger-management.md, "Charger ids", has the
/// facts and the rule:
///
/// - OCPP 2.0.1 Part 4 §3.1.1 (the same in 2.1): the identity is percent-encoded in the URL, its
///   datatype is identifierString, the colon is not to be used (the identity is also the HTTP Basic
///   user name, and the colon separates user name and password), and it has at most 48 characters.
/// - OCPP 2.0.1 Part 2, primitive datatypes: identifierString is case-insensitive and holds only
///   `a-z A-Z 0-9 * - _ = : + | @ .`.
/// - OCPP 1.6 security whitepaper (edition 3), A00.FR.204 and A00.FR.303: the Basic auth user name
///   is the identity "as it uses it in the OCPP-J connection URL". OCPP 1.6 itself sets no length
///   and no character set.
///
/// Ampwise refuses (HTTP 400) what no charger can mean and what could forge log lines or fill the
/// database: an empty id, more than 48 characters, or a character that is not printable. A printable
/// id outside the recommended set (a space, a colon, a non-ASCII letter) is accepted with a warning,
/// because chargers in the field use such ids (OCPP 2.0.1's own example is `RDAM 123`).
public enum ChargerIdRules {
    /// The most characters (Unicode scalars) an id may have: OCPP 2.0.1 Part 4 §3.1.1.
    public static let maximumLength = 48

    /// Why `id` is refused, or nil when it is acceptable.
    public static func problem(with id: String) -> ChargerIdProblem? {
        if id.isEmpty { return .empty }
        var count = 0
        for scalar in id.unicodeScalars {
            count += 1
            guard isPrintable(scalar) else { return .notPrintable(scalar) }
        }
        return count > maximumLength ? .tooLong(characters: count) : nil
    }

    /// Whether `id` keeps to OCPP's recommendation: identifierString characters without the colon,
    /// at most 48 of them.
    public static func isRecommended(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maximumLength && id.utf8.allSatisfy(isRecommended)
    }

    /// Letters, marks, numbers, punctuation, symbols and spaces; not controls, format characters
    /// (zero-width and direction overrides), line or paragraph separators, private-use,
    /// surrogate or unassigned code points.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static func isRecommended(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "*-_=+|@.".utf8.contains(byte)
        }
    }
}
