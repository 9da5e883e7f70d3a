import Chronology

/// Turns rule text into tokens on demand, so the parser can re-read a stretch in selector mode
/// (charger ids such as `cp-01*` are not expression tokens).
struct Lexer {
    private let bytes: [UInt8]
    private(set) var offset = 0
    private var line = 1
    private var column = 1

    init(text: String) {
        bytes = Array(text.utf8)
    }

    static let units: Set<String> = ["A", "W", "kW", "V", "Wh", "kWh"]

    /// Moves back to the start of `token` so that it can be read again differently.
    mutating func rewind(to token: Token) {
        offset = token.offset
        line = token.location.line
        column = token.location.column
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private mutating func bump() {
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipSpaceAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n") { bump() }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                bump()
            } else {
                return
            }
        }
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The next token in expression mode.
    mutating func next() -> Token {
        skipSpaceAndComments()
        let start = offset
        let startLocation = location
        func make(_ kind: Token.Kind) -> Token {
            Token(kind: kind, location: startLocation, offset: start, endOffset: offset)
        }
        guard let byte = peek() else { return make(.end) }
        if Self.isLetter(byte) {
            readWord()
            return make(.word(text(start, offset)))
        }
        if Self.isDigit(byte) { return make(readNumber(start: start)) }
        if byte == UInt8(ascii: "\"") { return make(readString()) }
        let pairs = ["<=", ">=", "==", "!=", ".."]
        if let second = peek(1) {
            let pair = text(offset, offset + 1) + String(UnicodeScalar(second))
            if pairs.contains(pair) {
                bump()
                bump()
                return make(.symbol(pair))
            }
        }
        if "{}(),:+-*/<>%".utf8.contains(byte) {
            bump()
            return make(.symbol(String(UnicodeScalar(byte))))
        }
        // One whole character (a UTF-8 sequence) so the message shows it intact.
        bump()
        while let next = peek(), next & 0xC0 == 0x80 { bump() }
        let character = text(start, offset)
        if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "!") {
            return make(.invalid("unexpected character '\(character)' (comparisons are written == and !=)"))
        }
        return make(.invalid("unexpected character '\(character)'"))
    }

    /// The next token in selector mode: a charger id or glob such as `garage`, `cp-0?`, `site*`,
    /// or a quoted string. Anything else is read as in expression mode.
    mutating func nextSelector() -> Token {
        skipSpaceAndComments()
        let start = offset
        let startLocation = location
        while let byte = peek(),
            Self.isLetter(byte) || Self.isDigit(byte) || byte >= 0x80
                || "-.*?".utf8.contains(byte)
        {
            bump()
        }
        if offset > start {
            return Token(kind: .word(text(start, offset)), location: startLocation, offset: start, endOffset: offset)
        }
        return next()
    }

    private mutating func readWord() {
        while let byte = peek(), Self.isLetter(byte) || Self.isDigit(byte) { bump() }
        // Dotted names (`grid.power`); a `..` range operator is not part of the name.
        while peek() == UInt8(ascii: "."), let after = peek(1), Self.isLetter(after) {
            bump()
            while let byte = peek(), Self.isLetter(byte) || Self.isDigit(byte) { bump() }
        }
    }

    private mutating func readDigits() {
        while let byte = peek(), Self.isDigit(byte) { bump() }
    }

    private mutating func readNumber(start: Int) -> Token.Kind {
        readDigits()
        let integerDigits = offset - start
        // HH:MM clock time.
        if peek() == UInt8(ascii: ":"), let first = peek(1), let second = peek(2), Self.isDigit(first),
            Self.isDigit(second), !(peek(3).map(Self.isDigit) ?? false), integerDigits <= 2
        {
            let hours = Int(text(start, offset))!
            bump()
            let minutesStart = offset
            readDigits()
            let minutes = Int(text(minutesStart, offset))!
            let spelled = text(start, offset)
            guard let clock = ClockTime(hour: hours, minute: minutes) else {
                return .invalid("clock time \(spelled) is out of range (00:00 to 24:00)")
            }
            return .clock(clock, text: spelled)
        }
        if peek() == UInt8(ascii: "."), let after = peek(1), Self.isDigit(after) {
            bump()
            readDigits()
        }
        let numberEnd = offset
        let numberText = text(start, numberEnd)
        guard let byte = peek(), Self.isLetter(byte) else {
            return .number(Double(numberText)!, text: numberText)
        }
        // A suffix written against the number: a unit (`16A`) or a duration (`1h30m`).
        let suffixStart = offset
        let suffixLocation = (line, column)
        while let next = peek(), Self.isLetter(next) || Self.isDigit(next) { bump() }
        let suffix = text(suffixStart, offset)
        if Self.units.contains(suffix) {
            // Leave the unit to be read as its own word.
            offset = suffixStart
            (line, column) = suffixLocation
            return .number(Double(numberText)!, text: numberText)
        }
        let whole = text(start, offset)
        if let first = suffix.first, "hms".contains(first) {
            if let seconds = Self.durationSeconds(whole) { return .duration(seconds, text: whole) }
            return .invalid("invalid duration '\(whole)' (write hours, minutes and seconds in that order, as in 1h30m)")
        }
        return .invalid("unknown unit '\(suffix)' after \(numberText) (expected A, W, kW, V, Wh, kWh or %)")
    }

    /// `1h30m`, `90s`, `2m`: whole numbers of hours, minutes, seconds in that order.
    static func durationSeconds(_ text: String) -> Double? {
        var total = 0.0
        var digits = ""
        var lastRank = -1
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let ranks: [Character: (Int, Double)] = ["h": (0, 3600), "m": (1, 60), "s": (2, 1)]
            guard let (rank, factor) = ranks[character], rank > lastRank, let value = Double(digits) else {
                return nil
            }
            total += value * factor
            lastRank = rank
            digits = ""
        }
        return digits.isEmpty ? total : nil
    }

    private mutating func readString() -> Token.Kind {
        bump()
        var scalars = String.UnicodeScalarView()
        var contentStart = offset
        var escapeProblem: String?
        func flush(_ lexer: Lexer, upTo end: Int) {
            scalars.append(contentsOf: lexer.text(contentStart, end).unicodeScalars)
        }
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                flush(self, upTo: offset)
                bump()
                return escapeProblem.map(Token.Kind.invalid) ?? .string(String(scalars))
            case UInt8(ascii: "\n"):
                return .invalid("unterminated string (a string ends with \" on the same line)")
            case UInt8(ascii: "\\"):
                flush(self, upTo: offset)
                bump()
                guard let escaped = peek() else { continue }
                bump()
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                default:
                    escapeProblem =
                        escapeProblem
                        ?? "unknown escape '\\\(UnicodeScalar(escaped))' in string (expected \\\", \\\\, \\n or \\t)"
                }
                contentStart = offset
            default:
                bump()
            }
        }
        return .invalid("unterminated string (a string ends with \" on the same line)")
    }
}
