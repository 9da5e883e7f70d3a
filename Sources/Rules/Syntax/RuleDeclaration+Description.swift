extension RuleDeclaration: CustomStringConvertible {
    /// The rule in canonical form, one clause per line (golden tests and `GET /api/rules` use it).
    var description: String {
        var lines = ["rule \"\(Self.escaped(name))\" {"]
        for clause in clauses {
            lines.append("    " + clause.description)
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}

extension RuleDeclaration.Clause: CustomStringConvertible {
    var description: String {
        switch kind {
        case .chargers(let selectors): return "chargers " + selectors.map(\.description).joined(separator: ", ")
        case .priority(let value): return "priority \(value)"
        case .when(let condition, let forDuration, let hold):
            var text = "when \(condition)"
            if let forDuration { text += " for \(forDuration.text)" }
            if let hold { text += " hold \(hold.text)" }
            return text
        case .effect(let effect): return effect.description
        }
    }
}

extension RuleDeclaration.Effect: CustomStringConvertible {
    var description: String {
        switch self {
        case .limit(let expression): return "limit \(expression)"
        case .share(let expression): return "share \(expression)"
        case .start(let idTag?, _): return "start idtag \"\(RuleDeclaration.escaped(idTag))\""
        default: return keyword
        }
    }
}
