/// Recursive-descent parser for rule files. It reports at most one error per clause and resumes
/// at the next clause keyword, so one run finds every independent error in a file.
struct Parser {
    private var lexer: Lexer
    private(set) var current: Token
    private(set) var failures: [ParseFailure] = []
    /// Nodes in the expression being read; bounded so that no file can nest deep enough to
    /// overflow the stack of the checker or the evaluator.
    private var expressionNodes = 0
    static let maximumExpressionNodes = 500

    static let clauseKeywords: Set<String> = [
        "chargers", "priority", "when", "limit", "share", "pause", "charge", "start", "stop", "available",
        "unavailable",
    ]

    init(text: String) {
        lexer = Lexer(text: text)
        current = lexer.next()
    }

    /// Parses a whole file; errors are in `failures` afterwards.
    static func parse(_ text: String) -> (rules: [RuleDeclaration], failures: [ParseFailure]) {
        var parser = Parser(text: text)
        let rules = parser.parseFile()
        return (rules, parser.failures)
    }

    mutating func advance() {
        current = lexer.next()
    }

    func failure(expected: String) -> ParseFailure {
        if case .invalid(let message) = current.kind {
            return ParseFailure(message: message, location: current.location)
        }
        return ParseFailure(message: "expected \(expected), found \(current.spelling)", location: current.location)
    }

    mutating func countNode() throws(ParseFailure) {
        expressionNodes += 1
        if expressionNodes > Self.maximumExpressionNodes {
            throw ParseFailure(
                message: "expression too long (more than \(Self.maximumExpressionNodes) terms)",
                location: current.location)
        }
    }

    mutating func expectSymbol(_ symbol: String, _ expected: String) throws(ParseFailure) {
        guard current.isSymbol(symbol) else { throw failure(expected: expected) }
        advance()
    }

    mutating func parseFile() -> [RuleDeclaration] {
        var rules: [RuleDeclaration] = []
        while current.kind != .end {
            guard current.isWord("rule") else {
                failures.append(failure(expected: "'rule'"))
                advance()
                while current.kind != .end, !current.isWord("rule") { advance() }
                continue
            }
            if let rule = parseRule() { rules.append(rule) }
        }
        return rules
    }

    /// Parses `rule "NAME" { ... }`. Returns nil when the header is broken (the body is skipped).
    private mutating func parseRule() -> RuleDeclaration? {
        let location = current.location
        advance()
        guard case .string(let name) = current.kind else {
            failures.append(failure(expected: "a rule name in quotes after 'rule'"))
            skipRule()
            return nil
        }
        let nameLocation = current.location
        advance()
        guard current.isSymbol("{") else {
            failures.append(failure(expected: "'{' after the rule name"))
            skipRule()
            return nil
        }
        advance()
        if name.isEmpty {
            failures.append(ParseFailure(message: "a rule name must not be empty", location: nameLocation))
        }
        var clauses: [RuleDeclaration.Clause] = []
        let failuresBefore = failures.count
        while !current.isSymbol("}") {
            if current.kind == .end || current.isWord("rule") {
                failures.append(failure(expected: "'}' to close rule \"\(name)\" (opened at \(location))"))
                return RuleDeclaration(name: name, location: location, clauses: clauses, isIncomplete: true)
            }
            do {
                clauses.append(try parseClause())
            } catch {
                failures.append(error)
                skipToClause()
            }
        }
        advance()
        return RuleDeclaration(
            name: name, location: location, clauses: clauses, isIncomplete: failures.count > failuresBefore)
    }

    private mutating func skipRule() {
        while current.kind != .end, !current.isWord("rule") {
            if current.isSymbol("}") {
                advance()
                return
            }
            advance()
        }
    }

    /// Skips what is left of a broken clause: up to the next clause keyword, `}` or `rule`.
    private mutating func skipToClause() {
        while current.kind != .end, !current.isSymbol("}"), !current.isWord("rule") {
            if case .word(let word) = current.kind, Self.clauseKeywords.contains(word) { return }
            advance()
        }
    }

    private mutating func parseClause() throws(ParseFailure) -> RuleDeclaration.Clause {
        let location = current.location
        expressionNodes = 0
        guard case .word(let keyword) = current.kind, Self.clauseKeywords.contains(keyword) else {
            throw failure(
                expected: "a clause (chargers, priority, when, limit, share, pause, charge, start, stop, available, "
                    + "unavailable) or '}'")
        }
        func clause(_ kind: RuleDeclaration.Clause.Kind) -> RuleDeclaration.Clause {
            RuleDeclaration.Clause(kind: kind, location: location)
        }
        switch keyword {
        case "chargers":
            return clause(.chargers(try parseSelectors()))
        case "priority":
            advance()
            var sign = 1
            if current.isSymbol("-") {
                sign = -1
                advance()
            }
            guard case .number(let value, let text) = current.kind, !text.contains("."), let integer = Int(text)
            else { throw failure(expected: "a whole number after 'priority'") }
            _ = value
            advance()
            return clause(.priority(sign * integer))
        case "when":
            advance()
            let condition = try parseExpression()
            var forDuration: RuleDeclaration.Duration?
            var hold: RuleDeclaration.Duration?
            if current.isWord("for") {
                advance()
                forDuration = try parseDuration(after: "for")
            }
            if current.isWord("hold") {
                advance()
                hold = try parseDuration(after: "hold")
            }
            return clause(.when(condition, forDuration: forDuration, hold: hold))
        case "limit":
            advance()
            return clause(.effect(.limit(try parseExpression())))
        case "share":
            advance()
            return clause(.effect(.share(try parseExpression())))
        case "start":
            advance()
            guard current.isWord("idtag") else { return clause(.effect(.start(idTag: nil, at: nil))) }
            advance()
            guard case .string(let idTag) = current.kind else {
                throw failure(expected: "an id tag in quotes after 'idtag'")
            }
            let idTagLocation = current.location
            advance()
            return clause(.effect(.start(idTag: idTag, at: idTagLocation)))
        default:
            advance()
            let effects: [String: RuleDeclaration.Effect] = [
                "pause": .pause, "charge": .charge, "stop": .stop, "available": .available,
                "unavailable": .unavailable,
            ]
            return clause(.effect(effects[keyword]!))
        }
    }

    mutating func parseDuration(after keyword: String) throws(ParseFailure) -> RuleDeclaration.Duration {
        guard case .duration(let seconds, let text) = current.kind else {
            throw failure(expected: "a duration after '\(keyword)' (such as 30s, 2m or 1h30m)")
        }
        advance()
        return RuleDeclaration.Duration(seconds: seconds, text: text)
    }

    private mutating func parseSelectors() throws(ParseFailure) -> [ChargerSelector] {
        var selectors: [ChargerSelector] = []
        repeat {
            // Re-read from just after `chargers` or `,` in selector mode.
            let previous = current
            lexer.rewind(to: previous)
            _ = lexer.next()
            current = lexer.nextSelector()
            let pattern: String
            let quoted: Bool
            let location = current.location
            switch current.kind {
            case .word(let word):
                pattern = word
                quoted = false
            case .string(let text):
                pattern = text
                quoted = true
            default:
                throw failure(expected: "a charger id or pattern after '\(previous.isSymbol(",") ? "," : "chargers")'")
            }
            advance()
            var connector: Int?
            if current.isSymbol(":") {
                advance()
                guard case .number(_, let text) = current.kind, let number = Int(text), number >= 1 else {
                    throw failure(expected: "a connector number (1 or more) after ':'")
                }
                connector = number
                advance()
            }
            selectors.append(
                ChargerSelector(pattern: pattern, quoted: quoted, connector: connector, location: location))
        } while current.isSymbol(",")
        return selectors
    }
}
