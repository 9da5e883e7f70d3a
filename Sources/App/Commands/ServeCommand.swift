import Central
import Dispatch
import Foundation

/// `ampwise serve`: the central system, the rule engine, the scheduler and the HTTP API, until
/// SIGINT or SIGTERM.
enum ServeCommand {
    static func run(_ options: ServeOptions) async -> Int32 {
        guard let loaded = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        let configuration = options.applied(to: loaded)
        Logger.level = configuration.logLevel
        let logger = Logger(label: "main")

        let central: CentralSystem
        do {
            central = CentralSystem(
                configuration: try configuration.centralConfiguration(),
                handler: CoreCallHandler(heartbeatInterval: configuration.central.heartbeatInterval))
            try central.start()
        } catch {
            logger.error("cannot start: \(error)")
            return 1
        }

        let signal = await ShutdownSignal.wait()
        logger.info("received \(signal); shutting down")
        central.stop()
        logger.info("stopped")
        return 0
    }
}
