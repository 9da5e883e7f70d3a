/// The rule an energy goal acts as (SPEC §10, docs/prices.md): named `goal`, priority 5, it
/// charges in the goal's quarter hours and pauses outside them, within the session. Its two
/// bodies follow the rule set's own in an evaluation, so decisions name it like any rule.
public enum EnergyGoalRules {
    /// The name decisions, `ampwise why` and `ampwise plan` give a goal.
    public static let name = "goal"
    /// Above the usual rules (0 to 4 in the examples), below what a user ranks higher on purpose.
    public static let priority = 5

    static let charge = RuleBody(
        name: name, priority: priority, scope: [], conditions: [], charging: .charge, limit: nil, share: nil,
        session: nil, availability: nil)
    static let pause = RuleBody(
        name: name, priority: priority, scope: [], conditions: [], charging: .pause, limit: nil, share: nil,
        session: nil, availability: nil)
}
