/// Who decided a family's effective value.
public enum DecisionSource: String, Sendable, Hashable {
    case rules
    case override
}
