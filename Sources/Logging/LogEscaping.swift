/// Writes control characters as escapes, so that a value from outside stays on its log line.
public enum LogEscaping {
    /// `value` with every C0 control character, DEL, C1 control character and Unicode line or
    /// paragraph separator written as an escape: `\r`, `\n`, `\t`, `\0`, otherwise `\u{HH}`.
    /// Backslashes are left alone: the escapes only need to be readable, not reversible.
    public static func escaped(_ value: String) -> String {
        // Fast path: almost every value is plain printable text.
        guard value.unicodeScalars.contains(where: needsEscape) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, NEL, and the Unicode line and paragraph separators: anything a
    /// terminal or a log reader might take as the end of a line or a command.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
