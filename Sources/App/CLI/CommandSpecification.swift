/// One command's entry in the command table: everything its parsing and its help need.
public struct CommandSpecification: Sendable, Hashable {
    public var name: CommandName
    /// Positional arguments as shown in usage lines (`CHARGER`, `[PATH ...]`); empty for none.
    public var arguments: String
    /// One line for the command list.
    public var summary: String
    /// What the command does, for its own help page.
    public var description: String
    public var flags: [FlagSpecification]
    public var examples: [String]
    /// How many positional arguments the command takes.
    var positionalCount: ClosedRange<Int>

    init(
        name: CommandName, arguments: String = "", positionalCount: ClosedRange<Int> = 0...0, summary: String,
        description: String, flags: [FlagSpecification], examples: [String]
    ) {
        self.name = name
        self.arguments = arguments
        self.positionalCount = positionalCount
        self.summary = summary
        self.description = description
        self.flags = flags
        self.examples = examples
    }

    public func flag(named name: String) -> FlagSpecification? {
        flags.first { $0.name == name }
    }

    /// `ampwise why CHARGER [--connector N] [--since ISO8601] ...`.
    public var usage: String {
        (["ampwise", name.rawValue] + (arguments.isEmpty ? [] : [arguments]) + flags.map { "[\($0.usage)]" })
            .joined(separator: " ")
    }
}
