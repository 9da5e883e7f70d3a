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

        let centralConfiguration: CentralConfiguration
        let store: Store
        do {
            centralConfiguration = try configuration.centralConfiguration()
            store = try Store(path: configuration.database)
        } catch {
            logger.error("cannot start: \(error)")
            return 1
        }
        let fleet = ChargerFleet(store: store, settings: configuration.chargerFleetSettings())
        // One group of event loops serves the chargers and the API.
        let group = EventLoopGroup(loopCount: centralConfiguration.loopCount)
        let central = CentralSystem(configuration: centralConfiguration, handler: fleet, group: group)
        fleet.attach(caller: central)
        let dependencies = APIDependencies(
            chargers: fleet, central: central, records: store, scheduler: IdleSchedulerControl(),
            centralMetrics: central.metrics, version: AmpwiseVersion.current,
            remoteStartIdTag: { configuration.charger($0).remoteStartIdTag })
        var api: APIServer?
        do {
            try await fleet.restore()
            // The API first: once the central system logs that it listens, everything is up.
            api = try APIServer.start(configuration: configuration.api, dependencies: dependencies, group: group)
            try central.start()
        } catch {
            logger.error("cannot start: \(error)")
            api?.stop()
            central.stop()
            await store.close()
            group.shutdown()
            return 1
        }

        let signal = await ShutdownSignal.wait()
        logger.info("received \(signal); shutting down")
        api?.stop()
        central.stop()
        await store.close()
        group.shutdown()
        logger.info("stopped")
        return 0
    }
}
