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
            ampwise \(AmpwiseVersion.current): an OCPP 1.6J central system with a rule engine
            for smart EV charging.

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
        // "Usage: ampwise plan " is the hanging indent for the arguments and flags.
        let command = "ampwise \(specification.name.rawValue)"
        let prefixWidth = "Usage: \(command) ".count
        let items =
            (specification.arguments.isEmpty ? [] : [specification.arguments])
            + specification.flags.map { "[\($0.usage)]" }
        let usage = command + " " + wrap(words: items, firstLineWidth: width - prefixWidth, indent: prefixWidth)
        let description = wrap(specification.description, firstLineWidth: width, indent: 0)
        return """
            Usage: \(usage)

            \(specification.summary).

            \(description)

            Options:
            \(table(flagRows))

            \(specification.examples.count == 1 ? "Example" : "Examples"):
            \(examples)

            """
    }

    /// Help is wrapped to fit a classic 80-column terminal.
    static let width = 80

    /// Two aligned columns, indented by two spaces; the right column wraps under itself.
    private static func table(_ rows: [(String, String)]) -> String {
        let leftWidth = rows.map(\.0.count).max() ?? 0
        let indent = 2 + leftWidth + 3
        return rows.map { left, right in
            let lead = "  " + left + String(repeating: " ", count: leftWidth - left.count + 3)
            return lead + wrap(right, firstLineWidth: width - indent, indent: indent)
        }.joined(separator: "\n")
    }

    /// Words joined into lines of at most `firstLineWidth` characters, later lines indented by
    /// `indent` spaces and as long as `width` allows; a longer word gets a line of its own.
    static func wrap(_ text: String, firstLineWidth: Int, indent: Int) -> String {
        wrap(
            words: text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init),
            firstLineWidth: firstLineWidth, indent: indent)
    }

    /// As `wrap(_:firstLineWidth:indent:)`, for items that must not be split (`[--hours N]`).
    static func wrap(words: [String], firstLineWidth: Int, indent: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in words {
            let limit = lines.isEmpty ? firstLineWidth : width - indent
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }
}
