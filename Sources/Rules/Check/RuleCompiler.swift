import Chronology

/// Checks parsed rules (dimensions, names, effects) and compiles them. Collects every error.
struct RuleCompiler {
    private(set) var diagnostics: [RuleDiagnostic] = []
    private(set) var inputNames: [String] = []
    private(set) var cheapestQuestions: [CheapestQuestion] = []
    /// The distinct deadlines of `cheapest ENERGY before HH:MM`.
    private(set) var energyDeadlines: [ClockTime] = []
    private var path = ""

    static let maximumIdTagLength = 20

    private mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(RuleDiagnostic(path: path, location: location, message: message))
    }

    /// The inputs the rule being compiled reads, in first-use order.
    private var ruleInputNames: [String] = []

    private mutating func inputIndex(_ name: String) -> Int {
        if !ruleInputNames.contains(name) { ruleInputNames.append(name) }
        if let index = inputNames.firstIndex(of: name) { return index }
        inputNames.append(name)
        return inputNames.count - 1
    }

    /// Compiles one file's rules; returns nil for a rule with errors (already reported).
    mutating func compile(_ declaration: RuleDeclaration, path: String) -> Rule? {
        self.path = path
        ruleInputNames = []
        let errorsBefore = diagnostics.count
        var scope: [ChargerSelector] = []
        var priority = 0
        var conditions: [RuleBody.Condition] = []
        var charging: ChargingDecision?
        var limit: RuleBody.Amount?
        var share: RuleBody.Amount?
        var session: RuleBody.SessionEffect?
        var availability: AvailabilityDecision?
        var firstClause: [String: SourceLocation] = [:]
        var familyEffects: [String: (keyword: String, location: SourceLocation)] = [:]

        for clause in declaration.clauses {
            switch clause.kind {
            case .chargers(let selectors):
                if let first = firstClause["chargers"] {
                    error("'chargers' may appear only once in a rule (first at \(first))", at: clause.location)
                }
                firstClause["chargers"] = clause.location
                scope = selectors
            case .priority(let value):
                if let first = firstClause["priority"] {
                    error("'priority' may appear only once in a rule (first at \(first))", at: clause.location)
                }
                firstClause["priority"] = clause.location
                priority = value
            case .when(let expression, let forDuration, let hold):
                guard let (compiled, dimension) = check(expression, sharedOnly: false) else { continue }
                guard dimension == .boolean else {
                    error("'when' needs a boolean, found \(dimension.rawValue)", at: expression.anchor)
                    continue
                }
                conditions.append(
                    RuleBody.Condition(
                        expression: compiled, forSeconds: forDuration?.seconds ?? 0, holdSeconds: hold?.seconds ?? 0,
                        temporalSlot: forDuration == nil && hold == nil ? nil : -1))
            case .effect(let effect):
                let family: String
                switch effect {
                case .pause, .charge: family = "charging"
                case .limit: family = "limit"
                case .share: family = "share"
                case .start, .stop: family = "session"
                case .available, .unavailable: family = "availability"
                }
                if let first = familyEffects[family] {
                    error(
                        "a rule has at most one \(family) effect: '\(effect.keyword)' conflicts with "
                            + "'\(first.keyword)' at \(first.location)", at: clause.location)
                    continue
                }
                familyEffects[family] = (effect.keyword, clause.location)
                switch effect {
                case .pause: charging = .pause
                case .charge: charging = .charge
                case .stop: session = .stop
                case .available: availability = .available
                case .unavailable: availability = .unavailable
                case .start(let idTag, let location):
                    if let idTag, let location {
                        if idTag.count > Self.maximumIdTagLength {
                            error(
                                "idtag \"\(idTag)\" is longer than \(Self.maximumIdTagLength) characters "
                                    + "(OCPP allows at most \(Self.maximumIdTagLength))", at: location)
                        } else if idTag.isEmpty {
                            error("idtag must not be empty", at: location)
                        }
                    }
                    session = .start(idTag: idTag)
                case .limit(let expression):
                    limit = checkAmount(expression, keyword: "limit")
                case .share(let expression):
                    share = checkAmount(expression, keyword: "share")
                }
            }
        }
        if familyEffects.isEmpty {
            error(
                "rule \"\(declaration.name)\" has no effect (add limit, share, pause, charge, start, stop, available "
                    + "or unavailable)", at: declaration.location)
        }
        guard diagnostics.count == errorsBefore else { return nil }
        let body = RuleBody(
            name: declaration.name, priority: priority, scope: scope, conditions: conditions, charging: charging,
            limit: limit, share: share, session: session, availability: availability)
        return Rule(
            name: declaration.name, path: path, location: declaration.location, text: declaration.description,
            inputNames: ruleInputNames, body: body)
    }

    private mutating func checkAmount(_ expression: Expression, keyword: String) -> RuleBody.Amount? {
        guard let (compiled, dimension) = check(expression, sharedOnly: keyword == "share") else { return nil }
        guard dimension == .current || dimension == .power else {
            error(
                "'\(keyword)' needs a current or a power (A, W or kW), found \(dimension.rawValue)",
                at: expression.anchor)
            return nil
        }
        return RuleBody.Amount(expression: compiled, isPower: dimension == .power)
    }

    /// The compiled expression and its dimension, or nil after reporting an error. `sharedOnly`
    /// forbids per-connector values (a `share` budget is one value for all its connectors).
    mutating func check(_ expression: Expression, sharedOnly: Bool) -> (CompiledExpression, Dimension)? {
        let at = expression.anchor
        switch expression.kind {
        case .number(let value, let unit):
            guard let unit else { return (.constant(value), .number) }
            let (dimension, factor) = Dimension.of(unit: unit)
            return (.constant(value * factor), dimension)
        case .duration(let seconds, _):
            return (.constant(seconds), .duration)
        case .boolean(let value):
            return (.boolean(value), .boolean)
        case .variable(let name):
            guard let (source, dimension) = resolve(name) else {
                error("unknown variable '\(name)'", at: at)
                return nil
            }
            if sharedOnly, source.isPerConnector {
                error("a 'share' budget cannot use '\(name)': it is one value for all its connectors", at: at)
                return nil
            }
            return (.value(source), dimension)
        case .negate(let operand):
            guard let (compiled, dimension) = check(operand, sharedOnly: sharedOnly) else { return nil }
            guard dimension != .boolean else {
                error("cannot negate a boolean (use 'not')", at: at)
                return nil
            }
            return (.negate(compiled), dimension)
        case .not(let operand):
            guard let (compiled, dimension) = check(operand, sharedOnly: sharedOnly) else { return nil }
            guard dimension == .boolean else {
                error("'not' needs a boolean, found \(dimension.rawValue)", at: at)
                return nil
            }
            return (.not(compiled), .boolean)
        case .binary(let op, let lhs, let rhs):
            let left = check(lhs, sharedOnly: sharedOnly)
            let right = check(rhs, sharedOnly: sharedOnly)
            guard let (leftCode, leftDimension) = left, let (rightCode, rightDimension) = right else { return nil }
            return combine(op, leftCode, leftDimension, rightCode, rightDimension, at: at)
        case .call(let name, let arguments):
            guard name == "min" || name == "max" else {
                error("unknown function '\(name)' (expected min or max)", at: at)
                return nil
            }
            let checked = arguments.map { check($0, sharedOnly: sharedOnly) }
            let compiled = checked.compactMap { $0 }
            guard compiled.count == arguments.count else { return nil }
            guard arguments.count >= 2 else {
                error("'\(name)' needs at least 2 arguments, found \(arguments.count)", at: at)
                return nil
            }
            let dimension = compiled[0].1
            for (index, argument) in compiled.enumerated() where argument.1 != dimension || dimension == .boolean {
                error(
                    "'\(name)' needs arguments of one dimension (not boolean), found \(dimension.rawValue) and "
                        + "\(argument.1.rawValue)", at: arguments[index].anchor)
                return nil
            }
            let codes = compiled.map(\.0)
            return (name == "min" ? .minimum(codes) : .maximum(codes), dimension)
        case .timeIn(let from, let to):
            return (.timeIn(from: Double(from.minutes * 60), to: Double(to.minutes * 60)), .boolean)
        case .weekdayIn(let days):
            return (.weekdayIn(mask: days.mask), .boolean)
        case .statusIn(let statuses):
            if sharedOnly {
                error("a 'share' budget cannot use 'status': it is one value for all its connectors", at: at)
                return nil
            }
            return (.statusIn(mask: statuses.reduce(0) { $0 | $1.bit }), .boolean)
        case .cheapest(let seconds, let text, let before):
            guard seconds > 0, seconds <= 86_400 else {
                error("'cheapest' needs a duration from 1s to 24h, found \(text)", at: at)
                return nil
            }
            // 24:00 and 00:00 name the same deadline, so they share one question.
            let deadline = ClockTime(minutes: before.minutes % 1440) ?? before
            let question = CheapestQuestion(slotCount: Int((seconds / 900).rounded(.up)), before: deadline)
            if let index = cheapestQuestions.firstIndex(of: question) { return (.cheapest(index), .boolean) }
            cheapestQuestions.append(question)
            return (.cheapest(cheapestQuestions.count - 1), .boolean)
        case .cheapestEnergy(let energy, let before):
            if sharedOnly {
                error(
                    "a 'share' budget cannot use 'cheapest ENERGY before': it depends on each connector's session",
                    at: at)
                return nil
            }
            guard let (compiled, dimension) = check(energy, sharedOnly: sharedOnly) else { return nil }
            guard dimension == .energy else {
                error(
                    "'cheapest' needs a duration (such as 3h) or an energy (such as 20 kWh), found \(dimension.rawValue)",
                    at: energy.anchor)
                return nil
            }
            let deadline = ClockTime(minutes: before.minutes % 1440) ?? before
            if let index = energyDeadlines.firstIndex(of: deadline) {
                return (.cheapestEnergy(compiled, window: index), .boolean)
            }
            energyDeadlines.append(deadline)
            return (.cheapestEnergy(compiled, window: energyDeadlines.count - 1), .boolean)
        }
    }

    private mutating func resolve(_ name: String) -> (ValueSource, Dimension)? {
        if let fixed = ValueSource.fixed[name] { return fixed }
        if name == "solar.surplus" {
            return (.solarSurplus(surplus: inputIndex(name), grid: inputIndex("grid.power")), .power)
        }
        if let dimension = ValueSource.inputDimensions[name] { return (.input(inputIndex(name)), dimension) }
        if name.hasPrefix("input."), name.count > 6 { return (.input(inputIndex(name)), .number) }
        return nil
    }

    private mutating func combine(
        _ op: BinaryOperator, _ lhs: CompiledExpression, _ left: Dimension, _ rhs: CompiledExpression,
        _ right: Dimension, at: SourceLocation
    ) -> (CompiledExpression, Dimension)? {
        switch op {
        case .and, .or:
            guard left == .boolean, right == .boolean else {
                let found = left == .boolean ? right : left
                error("'\(op.rawValue)' needs booleans on both sides, found \(found.rawValue)", at: at)
                return nil
            }
            return (op == .and ? .and(lhs, rhs) : .or(lhs, rhs), .boolean)
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
            guard left == right else {
                error(
                    "a comparison needs the same dimension on both sides, found \(left.rawValue) and \(right.rawValue)",
                    at: at)
                return nil
            }
            if left == .boolean, op != .equal, op != .notEqual {
                error("cannot compare booleans with '\(op.rawValue)'", at: at)
                return nil
            }
            return (.comparison(op, lhs, rhs), .boolean)
        case .add, .subtract:
            guard left == right, left != .boolean else {
                if op == .add {
                    error("cannot add \(left.rawValue) and \(right.rawValue)", at: at)
                } else {
                    error("cannot subtract \(right.rawValue) from \(left.rawValue)", at: at)
                }
                return nil
            }
            return (.arithmetic(op, lhs, rhs), left)
        case .multiply:
            guard let dimension = Dimension.product(left, right) else {
                error("cannot multiply \(left.rawValue) by \(right.rawValue)", at: at)
                return nil
            }
            return (.arithmetic(op, lhs, rhs), dimension)
        case .divide:
            guard let dimension = Dimension.quotient(left, right) else {
                error("cannot divide \(left.rawValue) by \(right.rawValue)", at: at)
                return nil
            }
            return (.arithmetic(op, lhs, rhs), dimension)
        }
    }
}
