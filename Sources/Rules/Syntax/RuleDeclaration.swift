/// A rule as parsed, before its dimensions are checked.
struct RuleDeclaration: Equatable {
    /// One clause; the location is that of its keyword.
    struct Clause: Equatable {
        enum Kind: Equatable {
            case chargers([ChargerSelector])
            case priority(Int)
            case when(Expression, forDuration: Duration?, hold: Duration?)
            case effect(Effect)
        }

        var kind: Kind
        var location: SourceLocation
    }

    /// A `for` or `hold` duration as written.
    struct Duration: Equatable {
        var seconds: Double
        var text: String
    }

    enum Effect: Equatable {
        case limit(Expression)
        case share(Expression)
        case pause, charge
        case start(idTag: String?, at: SourceLocation?)
        case stop
        case available, unavailable

        var keyword: String {
            switch self {
            case .limit: return "limit"
            case .share: return "share"
            case .pause: return "pause"
            case .charge: return "charge"
            case .start: return "start"
            case .stop: return "stop"
            case .available: return "available"
            case .unavailable: return "unavailable"
            }
        }
    }

    var name: String
    var location: SourceLocation
    var clauses: [Clause]
    /// Some clause did not parse: the rule is reported but not checked further (no cascades).
    var isIncomplete = false

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result
    }
}
