import Central
import Dispatch
import Foundation
import Scheduler

/// `ampwise serve`: the central system, the rule engine, the scheduler and the HTTP API, until
/// SIGINT or SIGTERM.
enum ServeCommand {
    static func run(_ options: ServeOptions) async -> Int32 {
        guard let loaded = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        let configuration = options.applied(to: loaded)
        Logger.level = configuration.logLevel
        let logger = Logger(label: "main")

        let store: Store
        do {
            store = try Store(path: configuration.database)
        } catch {
            logger.error("cannot open the database \(configuration.database): \(error)")
            return 1
        }
        let fleet = ChargerFleet(store: store, settings: configuration.chargerFleetSettings())
        let central: CentralSystem
        do {
            try await fleet.restore()
            central = CentralSystem(configuration: try configuration.centralConfiguration(), handler: fleet)
            fleet.attach(caller: central)
            try central.start()
        } catch {
            logger.error("cannot start: \(error)")
            await store.close()
            return 1
        }

        let signal = await ShutdownSignal.wait()
        logger.info("received \(signal); shutting down")
        central.stop()
        await store.close()
        logger.info("stopped")
        return 0
    }
}
