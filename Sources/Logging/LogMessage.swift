/// A log message whose interpolated values are escaped: `logger.info("\(chargerId) connected")`
/// cannot be made to write a second, forged line by a charger id with a CR LF in it.
///
/// The literal parts are the program's own text and are kept as they are; everything
/// interpolated (charger ids, id tags, vendor strings, frames, error descriptions) may come from
/// outside and has its control characters written as escapes (`\r`, `\n`, `\u{1B}`).
public struct LogMessage: ExpressibleByStringInterpolation, Sendable {
    public private(set) var text: String

    public init(stringLiteral value: String) {
        text = value
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    /// Joins two messages, so that a long message can be written in parts.
    public static func + (lhs: LogMessage, rhs: LogMessage) -> LogMessage {
        var result = lhs
        result.text += rhs.text
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        public mutating func appendInterpolation(_ value: some Any) {
            text += LogEscaping.escaped(String(describing: value))
        }

        public mutating func appendInterpolation(_ value: String) {
            text += LogEscaping.escaped(value)
        }

        public mutating func appendInterpolation(_ value: some StringProtocol) {
            text += LogEscaping.escaped(String(value))
        }

        public mutating func appendInterpolation(_ value: some BinaryInteger) {
            text += String(value)
        }
    }
}
