/// The binary operators of rule expressions, loosest first.
enum BinaryOperator: String, Equatable {
    case or, and
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    var isComparison: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: return true
        default: return false
        }
    }
}
