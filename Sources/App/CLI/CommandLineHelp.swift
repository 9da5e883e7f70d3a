/// The help texts, generated from the command table so that every flag is always listed.
public enum CommandLineHelp {
    /// The overview (`nil`) or one command's page, ending with a newline.
    public static func text(for command: CommandName?) -> String {
        guard let command else { return overview }
        return page(for: CommandSpecification.named(command))
    }

    static var overview: String {
        let commands =
            CommandSpecification.all.map { ($0.name.rawValue, $0.summary) } + [
                ("help", "Show help for a command (ampwise help COMMAND)")
            ]
        return """
            ampwise \(AmpwiseVersion.current): an OCPP 1.6J central system with a rule engine for smart \
            EV charging.

            Usage: ampwise COMMAND [OPTIONS]

            Commands:
            \(table(commands))

            Options:
            \(table([("-h, --help", "Show help (also after a command)"), ("--version", "Print the version")]))

            Run 'ampwise help COMMAND' for the flags of a command and an example.

            """
    }

    static func page(for specification: CommandSpecification) -> String {
        let flagRows = specification.flags.map { ($0.usage, $0.help) } + [("-h, --help", "Show this help")]
        let examples = specification.examples.map { "  \($0)" }.joined(separator: "\n")
        return """
            Usage: \(specification.usage)

            \(specification.summary).

            \(specification.description)

            Options:
            \(table(flagRows))

            \(specification.examples.count == 1 ? "Example" : "Examples"):
            \(examples)

            """
    }

    /// Two aligned columns, indented by two spaces.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            "  " + left + String(repeating: " ", count: width - left.count + 3) + right
        }.joined(separator: "\n")
    }
}
