/// What the command line asks for, fully parsed and checked.
public enum ParsedCommand: Sendable, Hashable {
    case serve(ServeOptions)
    case check(CheckOptions)
    case plan(PlanOptions)
    case why(WhyOptions)
    case sources(SourcesOptions)
    case demo(DemoOptions)
    case version
    /// `ampwise help [COMMAND]`, `-h`/`--help` anywhere, or no arguments at all; `nil`: the
    /// overview. Print `CommandLineHelp.text(for:)` and exit with status 0.
    case help(CommandName?)
}
