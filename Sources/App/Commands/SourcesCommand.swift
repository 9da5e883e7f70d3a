import InputSources
import Transport

/// `ampwise sources`: reads every source of the configuration once, as `serve` would, and prints
/// what each read or why it could not (docs/sources.md, "Seeing what a source reads"). Nothing is
/// delivered to any input.
enum SourcesCommand {
    static func run(_ options: SourcesOptions) async -> Int32 {
        guard let configuration = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        guard !configuration.sources.isEmpty else {
            print("no sources in the configuration")
            return 0
        }
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let sources: [any InputSource]
        do {
            sources = try SourceFactory(group: group).makeSources(configuration.sources)
        } catch {
            AmpwiseCommand.printError("ampwise: \(error)")
            return 2
        }
        let lines = await withTaskGroup(of: (name: String, line: String, failed: Bool).self) { tasks in
            for source in sources {
                tasks.addTask { await SourcesCommand.readOnce(source) }
            }
            var lines: [(name: String, line: String, failed: Bool)] = []
            for await line in tasks { lines.append(line) }
            return lines.sorted { $0.name < $1.name }
        }
        for line in lines { print(line.line) }
        return lines.contains { $0.failed } ? 1 : 0
    }

    /// `inverter (http): grid.power -2310.5, solar.power 4100` or `meter (modbus): failed: REASON`.
    static func readOnce(_ source: any InputSource) async -> (name: String, line: String, failed: Bool) {
        let prefix = "\(source.name) (\(source.type)):"
        guard let polled = source as? any PolledSource else {
            return (source.name, "\(prefix) not polled: read while serve runs", false)
        }
        do {
            let values = try await polled.poll()
            let text = values.sorted { $0.key < $1.key }.map { "\($0.key) \(SourcesCommand.format($0.value))" }
            return (source.name, "\(prefix) \(text.joined(separator: ", "))", false)
        } catch {
            return (source.name, "\(prefix) failed: \(error.message)", true)
        }
    }

    /// `4100` for whole numbers, `-2310.5` otherwise.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
