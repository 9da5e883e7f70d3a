import Testing

@testable import App

@Suite struct CommandLineHelpTests {
    @Test func everyCommandPageListsEveryFlagOfItsTableWithItsHelp() {
        for specification in CommandSpecification.all {
            let page = CommandLineHelp.text(for: specification.name)
            // Help lines wrap, so compare with whitespace collapsed.
            let flat = page.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            #expect(page.hasPrefix("Usage: ampwise \(specification.name.rawValue) "))
            for flag in specification.flags {
                #expect(flat.contains("[\(flag.usage)]"), "\(specification.name) usage lacks \(flag.usage)")
                #expect(flat.contains("\(flag.usage) \(flag.help)"), "\(specification.name) lacks \(flag.name)")
            }
            #expect(page.contains("-h, --help"))
            #expect(page.contains(specification.summary))
            for example in specification.examples { #expect(page.contains("  \(example)\n")) }
        }
    }

    @Test func theTableHasTheFlagsOfTheSpec() {
        let flags = CommandSpecification.all.map { ($0.name.rawValue, $0.flags.map(\.name)) }
        // `sources` is issue 11's (docs/sources.md): it reads each source once.
        #expect(flags.map(\.0) == ["serve", "check", "plan", "why", "sources", "demo"])
        #expect(
            flags.map(\.1) == [
                ["config", "rules", "db", "log-level", "log-format"],
                ["config"],
                ["config", "rules", "from", "hours", "inputs", "step", "svg", "log-level"],
                ["connector", "since", "config", "db"],
                ["config"],
                ["chargers", "port", "log-level"],
            ])
    }

    @Test func planHelpSaysTheStepIsBetweenRowsNotEvaluations() {
        // The help wraps at 80 columns: compare with the line breaks taken out.
        let page = CommandLineHelp.text(for: .plan).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(page.contains("Minutes between two rows of the table"))
        #expect(!page.contains("between two evaluations"))
        #expect(page.contains("rounded down to the step"))
    }

    @Test func theOverviewListsEveryCommandAndTheVersion() {
        let overview = CommandLineHelp.text(for: nil)
        #expect(overview.hasPrefix("ampwise \(AmpwiseVersion.current): "))
        for specification in CommandSpecification.all {
            #expect(overview.contains("  \(specification.name.rawValue)  "))
            #expect(overview.contains(specification.summary))
        }
        #expect(overview.contains("--version"))
        #expect(overview.contains("ampwise help COMMAND"))
    }

    @Test func helpFitsEightyColumns() {
        for topic in [nil] + CommandName.allCases.map(Optional.some) {
            for line in CommandLineHelp.text(for: topic).split(separator: "\n") {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }
}
