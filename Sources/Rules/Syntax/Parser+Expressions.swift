import ChargingModel
import Chronology

extension Parser {
    /// Words that may follow a number without being a unit.
    static let followingWords: Set<String> = ["and", "or", "for", "hold", "rule", "before", "not"]

    /// expr = or; precedence: or < and < not < comparison < + - < * / < unary - < primary.
    mutating func parseExpression() throws(ParseFailure) -> Expression {
        var lhs = try parseAnd()
        while current.isWord("or") {
            let anchor = current.location
            try countNode()
            advance()
            let rhs = try parseAnd()
            lhs = Expression(kind: .binary(.or, lhs, rhs), location: lhs.location, anchor: anchor)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ParseFailure) -> Expression {
        var lhs = try parseNot()
        while current.isWord("and") {
            let anchor = current.location
            try countNode()
            advance()
            let rhs = try parseNot()
            lhs = Expression(kind: .binary(.and, lhs, rhs), location: lhs.location, anchor: anchor)
        }
        return lhs
    }

    private mutating func parseNot() throws(ParseFailure) -> Expression {
        guard current.isWord("not") else { return try parseComparison() }
        let location = current.location
        try countNode()
        advance()
        return Expression(kind: .not(try parseNot()), location: location)
    }

    private func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol), op.isComparison
        else { return nil }
        return op
    }

    private mutating func parseComparison() throws(ParseFailure) -> Expression {
        let lhs = try parseAdditive()
        guard let op = comparisonOperator() else { return lhs }
        let anchor = current.location
        try countNode()
        advance()
        let rhs = try parseAdditive()
        if comparisonOperator() != nil {
            throw ParseFailure(
                message: "comparisons cannot be chained; join them with 'and'", location: current.location)
        }
        return Expression(kind: .binary(op, lhs, rhs), location: lhs.location, anchor: anchor)
    }

    private mutating func parseAdditive() throws(ParseFailure) -> Expression {
        var lhs = try parseMultiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            let op: BinaryOperator = current.isSymbol("+") ? .add : .subtract
            let anchor = current.location
            try countNode()
            advance()
            let rhs = try parseMultiplicative()
            lhs = Expression(kind: .binary(op, lhs, rhs), location: lhs.location, anchor: anchor)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(ParseFailure) -> Expression {
        var lhs = try parseUnary()
        while current.isSymbol("*") || current.isSymbol("/") {
            let op: BinaryOperator = current.isSymbol("*") ? .multiply : .divide
            let anchor = current.location
            try countNode()
            advance()
            let rhs = try parseUnary()
            lhs = Expression(kind: .binary(op, lhs, rhs), location: lhs.location, anchor: anchor)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ParseFailure) -> Expression {
        guard current.isSymbol("-") else { return try parsePrimary() }
        let location = current.location
        try countNode()
        advance()
        return Expression(kind: .negate(try parseUnary()), location: location)
    }

    private mutating func parsePrimary() throws(ParseFailure) -> Expression {
        let location = current.location
        try countNode()
        func make(_ kind: Expression.Kind) -> Expression { Expression(kind: kind, location: location) }
        switch current.kind {
        case .number(let value, let text):
            advance()
            if case .word(let word) = current.kind, Lexer.units.contains(word) {
                advance()
                return make(.number(value, unit: word))
            }
            if current.isSymbol("%") {
                advance()
                return make(.number(value, unit: "%"))
            }
            if case .word(let word) = current.kind, !Self.clauseKeywords.contains(word),
                !Self.followingWords.contains(word)
            {
                throw ParseFailure(
                    message: "unknown unit '\(word)' after \(text) (expected A, W, kW, V, Wh, kWh or %)",
                    location: current.location)
            }
            return make(.number(value, unit: nil))
        case .duration(let seconds, let text):
            advance()
            return make(.duration(seconds: seconds, text: text))
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expectSymbol(")", "')'")
            return inner
        case .word(let word):
            if Self.clauseKeywords.contains(word) || ["for", "hold", "rule"].contains(word) { break }
            advance()
            switch word {
            case "true": return make(.boolean(true))
            case "false": return make(.boolean(false))
            case "time":
                try expectWord("in", after: "time")
                let from = try parseClock()
                try expectSymbol("..", "'..' between the two clock times")
                let to = try parseClock()
                return make(.timeIn(from: from, to: to))
            case "weekday":
                try expectWord("in", after: "weekday")
                return make(.weekdayIn(try parseDays()))
            case "status":
                if current.isWord("is") {
                    advance()
                    return make(.statusIn([try parseStatus()]))
                }
                try expectWord("in", after: "status", alternative: "'is' or ")
                var statuses = [try parseStatus()]
                while current.isSymbol(",") {
                    advance()
                    statuses.append(try parseStatus())
                }
                return make(.statusIn(statuses))
            case "cheapest":
                var isEnergy = current.isSymbol("(")
                if case .number = current.kind { isEnergy = true }
                if isEnergy {
                    // An energy goal: `cheapest 20 kWh before 07:00` (the checker wants an energy).
                    let energy = try parseExpression()
                    try expectWord("before", after: "cheapest \(energy)")
                    return make(.cheapestEnergy(energy, before: try parseClock()))
                }
                let duration = try parseDuration(after: "cheapest")
                try expectWord("before", after: "cheapest \(duration.text)")
                let clock = try parseClock()
                return make(.cheapest(seconds: duration.seconds, text: duration.text, before: clock))
            default:
                guard current.isSymbol("(") else { return make(.variable(word)) }
                advance()
                var arguments = [try parseExpression()]
                while current.isSymbol(",") {
                    advance()
                    arguments.append(try parseExpression())
                }
                try expectSymbol(")", "',' or ')' in the arguments of '\(word)'")
                return make(.call(word, arguments))
            }
        default:
            break
        }
        throw failure(expected: "an expression")
    }

    private mutating func expectWord(_ word: String, after: String, alternative: String = "") throws(ParseFailure) {
        guard current.isWord(word) else { throw failure(expected: "\(alternative)'\(word)' after '\(after)'") }
        advance()
    }

    private mutating func parseClock() throws(ParseFailure) -> ClockTime {
        guard case .clock(let clock, _) = current.kind else { throw failure(expected: "a clock time HH:MM") }
        advance()
        return clock
    }

    private mutating func parseDay() throws(ParseFailure) -> Weekday {
        guard case .word(let word) = current.kind, let day = Weekday(abbreviation: word)
        else { throw failure(expected: "a day (mon, tue, wed, thu, fri, sat, sun)") }
        advance()
        return day
    }

    private mutating func parseDays() throws(ParseFailure) -> WeekdaySet {
        var ranges: [WeekdayRange] = []
        repeat {
            if !ranges.isEmpty { advance() }
            let from = try parseDay()
            var to = from
            if current.isSymbol("..") {
                advance()
                to = try parseDay()
            }
            ranges.append(WeekdayRange(from, to))
        } while current.isSymbol(",")
        return WeekdaySet(ranges: ranges)
    }

    private mutating func parseStatus() throws(ParseFailure) -> ConnectorStatus {
        guard case .word(let word) = current.kind, let status = ConnectorStatus(spelling: word) else {
            let names = ConnectorStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure(expected: "a connector status (\(names))")
        }
        advance()
        return status
    }
}
