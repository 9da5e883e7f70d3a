/// The commands of `ampwise` that take flags (SPEC §1).
public enum CommandName: String, Sendable, Hashable, CaseIterable {
    case serve, check, plan, why
}
