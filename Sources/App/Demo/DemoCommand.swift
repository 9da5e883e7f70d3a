import ChargerSimulation
import ChargingModel
import Foundation
import Logging
import Scheduling

/// `ampwise demo`: a whole site in one command for someone without a charger (docs/demo.md).
///
/// `serve` runs as it always does (the same site, engine, API and dashboard) on a temporary
/// folder, with the example rules; simulated chargers connect to it over real WebSocket, and a
/// simulated house pushes its inputs through the engine's `updateInputs`, as a meter source
/// would. Only the sun is faster than real time (`DemoHouse`); the engine's clock is the real one.
enum DemoCommand {
    /// The demo's chargers, named as the example rules name them.
    static func chargerIds(_ count: Int) -> [String] {
        let named = ["garage", "carport", "visitor"]
        return (0..<count).map { $0 < named.count ? named[$0] : "bay-\($0 + 1)" }
    }

    /// The garage's wallbox is 3-phase and follows the sun; the others are 1-phase, so that at
    /// midday the sun leaves it a surplus to follow.
    static func phases(ofChargerAt index: Int) -> Int { index == 0 ? 3 : 1 }

    static func run(_ options: DemoOptions) async -> Int32 {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ampwise-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration: AmpwiseConfiguration
        do {
            configuration = try prepare(folder: folder, options: options)
        } catch {
            AmpwiseCommand.printError("ampwise demo: cannot prepare \(folder.path): \(error)")
            return 1
        }
        let demo = DemoSite(chargerIds: chargerIds(options.chargers))
        let hooks = ServeHooks(
            started: { started in
                await demo.start(started)
                // Written at once (a pipe would hold print's buffer), for whoever waits for the URL.
                FileHandle.standardOutput.write(
                    Data(
                        """
                        Ampwise demo: \(options.chargers) simulated charger(s), a simulated house and dynamic prices.
                        Open the dashboard: http://127.0.0.1:\(started.apiPort)/
                        The sun runs 60 times faster than real time (a simulated hour per minute). Ctrl-C stops it.

                        """.utf8))
            },
            stopping: { await demo.stop() })
        return await ServeCommand.serve(configuration, logFormat: nil, hooks: hooks)
    }

    /// Writes the rules and returns the configuration: chargers on a free loopback port, the API on
    /// `options.port`, the database in `folder`, meter values every 5 s.
    static func prepare(folder: URL, options: DemoOptions) throws -> AmpwiseConfiguration {
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        for (name, text) in DemoRules.files {
            try Data(text.utf8).write(to: rules.appendingPathComponent(name))
        }
        var configuration = AmpwiseConfiguration()
        configuration.central.host = "127.0.0.1"
        configuration.central.port = 0
        configuration.central.meterValueSampleInterval = 5
        configuration.api.host = "127.0.0.1"
        configuration.api.port = options.port
        configuration.database = folder.appendingPathComponent("demo.sqlite").path
        configuration.rules = rules.path
        configuration.logLevel = options.logLevel ?? .warning
        for (index, chargerId) in chargerIds(options.chargers).enumerated() {
            var charger = AmpwiseConfiguration.Charger()
            charger.phases = phases(ofChargerAt: index)
            configuration.chargers[chargerId] = charger
        }
        return configuration
    }
}
