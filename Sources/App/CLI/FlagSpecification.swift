/// One flag of a command: its name, the kind of value it takes and its help line.
public struct FlagSpecification: Sendable, Hashable {
    /// Without the dashes: `config` for `--config`.
    public var name: String
    public var kind: FlagValueKind
    /// How the value is shown in usage lines: `FILE`, `DIR`, `N`.
    public var placeholder: String
    public var help: String

    public init(_ name: String, _ kind: FlagValueKind, placeholder: String, help: String) {
        self.name = name
        self.kind = kind
        self.placeholder = placeholder
        self.help = help
    }

    /// `--config FILE`.
    public var usage: String { "--\(name) \(placeholder)" }
}
