import Chronology

/// A lexical token with where it starts (for messages) and its byte range (for re-lexing selectors).
struct Token: Equatable {
    enum Kind: Equatable {
        /// A name, keyword or dotted variable such as `grid.power`.
        case word(String)
        case string(String)
        /// A number as written; `text` keeps the spelling for messages and integer checks.
        case number(Double, text: String)
        /// A duration such as `1h30m`, in seconds.
        case duration(Double, text: String)
        /// A clock time such as `06:30` (00:00 to 24:00).
        case clock(ClockTime, text: String)
        /// Punctuation and operators: `{ } ( ) , : .. + - * / < <= > >= == != %`.
        case symbol(String)
        /// Text the lexer could not read; the message says why.
        case invalid(String)
        case end
    }

    var kind: Kind
    var location: SourceLocation
    var offset: Int
    var endOffset: Int

    func isWord(_ text: String) -> Bool { kind == .word(text) }
    func isSymbol(_ text: String) -> Bool { kind == .symbol(text) }

    /// How the token is named in "found X" messages.
    var spelling: String {
        switch kind {
        case .word(let text): return "'\(text)'"
        case .string(let text): return "\"\(text)\""
        case .number(_, let text), .duration(_, let text), .clock(_, let text): return "'\(text)'"
        case .symbol(let text): return "'\(text)'"
        case .invalid(let message): return message
        case .end: return "end of file"
        }
    }
}
