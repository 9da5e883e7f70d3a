extension CommandSpecification {
    /// Every command, in the order help lists them.
    public static let all: [CommandSpecification] = [serve, check, plan, why, sources, demo]

    public static func named(_ name: CommandName) -> CommandSpecification {
        all.first { $0.name == name }!
    }

    static let configFlag = FlagSpecification(
        "config", .file, placeholder: "FILE",
        help: "The configuration file. Default: ampwise.json in the working directory if it exists, "
            + "else built-in defaults. A file named here must exist.")
    static let rulesFlag = FlagSpecification(
        "rules", .directory, placeholder: "DIR",
        help: "The folder of rule files. Overrides \"rules\" in the configuration file.")
    static let databaseFlag = FlagSpecification(
        "db", .file, placeholder: "FILE",
        help: "The SQLite database file. Overrides \"database\" in the configuration file.")
    static let logLevelFlag = FlagSpecification(
        "log-level", .level, placeholder: "LEVEL",
        help: "debug, info, warning or error. Overrides \"logLevel\" in the configuration file. "
            + "At debug every OCPP frame in and out is logged.")

    static let logFormatFlag = FlagSpecification(
        "log-format", .logFormat, placeholder: "FORMAT",
        help: "text (a UTC timestamp on every line) or journal (no timestamp, the systemd journal adds its own, "
            + "and a <N> priority prefix it reads). Default: journal when standard error is the journal "
            + "(JOURNAL_STREAM), else text.")

    static let serve = CommandSpecification(
        name: .serve,
        summary: "Run the central system, the rules, the scheduler and the HTTP API",
        description: """
            Runs the OCPP 1.6J central system (chargers connect to ws://HOST:PORT/<chargerId>), the
            rule engine, the scheduler and the HTTP API until SIGINT or SIGTERM, then shuts down
            cleanly. Logs go to standard error, one line per event.
            """,
        flags: [configFlag, rulesFlag, databaseFlag, logLevelFlag, logFormatFlag],
        examples: [
            "ampwise serve",
            "ampwise serve --config /etc/ampwise/ampwise.json --log-format journal",
        ])

    static let check = CommandSpecification(
        name: .check, arguments: "[PATH ...]", positionalCount: 0...Int.max,
        summary: "Check rule files for errors",
        description: """
            Checks the configuration file as serve reads it (with its TLS files), then parses and
            type-checks rule files. Each PATH is a file, or a folder whose *.rules files are checked
            as serve loads them (not its subfolders); with none, the rules folder of the
            configuration is checked. Prints FILE:LINE:COL: error: MESSAGE for each problem and
            exits with status 1 if there are any (2 for a bad configuration); otherwise prints a
            warning for each charger selector that matches no configured charger, then a one-line
            summary, and exits with status 0.
            """,
        flags: [configFlag],
        examples: ["ampwise check", "ampwise check rules/night.rules rules/solar.rules"])

    static let plan = CommandSpecification(
        name: .plan,
        summary: "Dry-run the rules over simulated time",
        description: """
            Evaluates the rules over simulated time with the given inputs and prints, per connector
            and time step, the decision: charge or pause, the limit in A, and the rules that
            decided. No charger is contacted.
            """,
        flags: [
            configFlag, rulesFlag,
            FlagSpecification(
                "from", .date, placeholder: "ISO8601",
                help: "Start of the simulation, with a time zone (2026-11-25T18:00:00+01:00). Default: now, "
                    + "rounded down to the step."),
            FlagSpecification(
                "hours", .number(ValueRanges.planHours), placeholder: "N",
                help: "How many hours to simulate. Default: 24."),
            FlagSpecification(
                "inputs", .file, placeholder: "FILE",
                help: "A JSON file of input values over time (such as the solar surplus) to simulate with."),
            FlagSpecification(
                "step", .integer(ValueRanges.planStepMinutes), placeholder: "MINUTES",
                help: "Minutes between two rows of the table, from 1 to 1440. The rules are evaluated every "
                    + "scheduler.tick seconds all the same, as they are live. Default: 15."),
            FlagSpecification(
                "svg", .file, placeholder: "FILE", help: "Also write a chart of limit and price over time as SVG."),
            logLevelFlag,
        ],
        examples: ["ampwise plan --from 2026-11-25T18:00+01:00 --hours 12 --step 30 --svg plan.svg"])

    static let why = CommandSpecification(
        name: .why, arguments: "CHARGER", positionalCount: 1...1,
        summary: "Show the recorded decisions and command outcomes for a charger",
        description: """
            Prints, from the database, the decisions and command outcomes for the charger CHARGER:
            when, what was decided, by which rules, what was sent and what the charger answered.
            """,
        flags: [
            FlagSpecification(
                "connector", .integer(ValueRanges.connectorOrCharger), placeholder: "N",
                help: "Only this connector (0 is the charger as a whole)."),
            FlagSpecification(
                "since", .date, placeholder: "ISO8601",
                help: "Only what happened from this moment on (2026-11-25T08:00:00Z). Default: everything."),
            configFlag, databaseFlag,
        ],
        examples: ["ampwise why garage", "ampwise why garage --connector 1 --since 2026-11-25T00:00:00Z"])

    static let sources = CommandSpecification(
        name: .sources,
        summary: "Read each configured source once and print what it read",
        description: """
            Reads every entry of "sources" in the configuration once, as serve would (HTTP and
            Modbus TCP), and prints one line per source: the value of each input it feeds, or why it
            could not read. Nothing reaches the inputs. Exits with status 1 if any source failed, 2
            for a bad configuration, else 0.
            """,
        flags: [configFlag],
        examples: ["ampwise sources", "ampwise sources --config /etc/ampwise/ampwise.json"])
    static let demo = CommandSpecification(
        name: .demo,
        summary: "Try Ampwise without a charger: a simulated site and the dashboard",
        description: """
            Runs serve on a temporary database with simulated chargers that connect over real
            WebSocket and speak OCPP 1.6J (cars plug in, charge within the profiles they are sent,
            and leave), a simulated house (a solar curve with clouds, a base load, the grid meter)
            pushing its inputs, a dynamic price curve, and rules from rules/examples/ (auto start,
            solar following on garage, the shared fuse of garage and carport).
            The sun runs 60 times faster than real time (a simulated hour per minute, from 09:30);
            chargers, cars, prices and the engine run in real time. Prints the dashboard's URL;
            Ctrl-C stops it and removes the temporary folder.
            """,
        flags: [
            FlagSpecification(
                "chargers", .integer(ValueRanges.demoChargers), placeholder: "N",
                help: "How many simulated chargers, from 1 to 50. Default: 3."),
            FlagSpecification(
                "port", .integer(ValueRanges.tcpPort), placeholder: "P",
                help: "The port of the dashboard and the HTTP API (on 127.0.0.1). Default: 9080. The chargers use "
                    + "a free port."),
            logLevelFlag,
        ],
        examples: ["ampwise demo", "ampwise demo --chargers 5 --port 8080"])
}
