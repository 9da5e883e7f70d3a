/// Incremental UTF-8 validation (RFC 3629 §4), so a text message split across frames is checked as each
/// fragment arrives: a character may be split between fragments, and a bad byte fails the connection at
/// once instead of after the whole message has been buffered.
///
/// Rejects overlong forms, surrogates (U+D800-U+DFFF) and code points above U+10FFFF by narrowing the
/// range of the byte after each lead byte, as the table in RFC 3629 §4 does.
struct UTF8Validator: Sendable {
    /// Continuation bytes still expected for the current character.
    private var pending = 0
    /// The range the next continuation byte must fall in.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    init() {}

    /// True when no character is left unfinished: a message must end here.
    var isAtCharacterBoundary: Bool { pending == 0 }

    /// Validates the next bytes; false at the first invalid byte (the validator is then unusable).
    mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index < count {
            if pending == 0 {
                // Text in OCPP is nearly all ASCII: skip it a word at a time.
                while index + 8 <= count,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                switch byte {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: pending = 1
                case 0xE0: pending = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2
                case 0xED: pending = 2; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90
                case 0xF1...0xF3: pending = 3
                case 0xF4: pending = 3; upper = 0x8F
                default: return false
                }
            } else {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                guard byte >= lower && byte <= upper else { return false }
                pending -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
        return true
    }

    mutating func consume(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { consume($0) }
    }

    /// Whether `bytes` is complete, valid UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var validator = UTF8Validator()
        return validator.consume(bytes) && validator.isAtCharacterBoundary
    }
}
