/// The commands of `ampwise` that take flags (README.md, "Commands").
public enum CommandName: String, Sendable, Hashable, CaseIterable {
    case serve, check, plan, why, sources, demo
}
