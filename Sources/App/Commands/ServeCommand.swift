import Central
import ChargePointManagement
import Dispatch
import Foundation
import HTTPClient
import InputSources
import Logging
import MQTTLink
import Rules
import Scheduling
import Store
import Tariffs
import Transport

/// `ampwise serve`: the central system, the rule engine, the scheduler and the HTTP API, until
/// SIGINT or SIGTERM; SIGHUP reloads the rules.
enum ServeCommand {
    static func run(_ options: ServeOptions) async -> Int32 {
        guard let loaded = AmpwiseCommand.loadConfiguration(path: options.configPath) else { return 2 }
        return await serve(options.applied(to: loaded), logFormat: options.logFormat)
    }

    /// Runs a site with `configuration` until SIGINT or SIGTERM; `hooks` let `ampwise demo` add its
    /// simulated chargers and house once all is up, and stop them before the site stops.
    static func serve(
        _ configuration: AmpwiseConfiguration, logFormat: LogFormat?, hooks: ServeHooks = ServeHooks()
    ) async -> Int32 {
        Logger.level = configuration.logLevel
        Logger.format = logFormat ?? LogFormat.detected()
        let logger = Logger(label: "main")
        for warning in configuration.startupWarnings { logger.warning("\(warning)") }
        // Before anything starts: a SIGTERM during start-up then shuts down once all is up.
        let shutdown = ShutdownSignal()

        let centralConfiguration: CentralConfiguration
        var fleetSettings = configuration.chargerFleetSettings()
        let store: Store
        let ruleSet: RuleSet
        do {
            centralConfiguration = try configuration.centralConfiguration()
            fleetSettings.certificateAuthority = try configuration.certificateAuthority()
            // Rules with errors stop start-up with every error listed, as `ampwise check` does.
            let checked = RuleChecker.check(try configuration.ruleSourceLoader())
            guard let checkedRules = checked.ruleSet else {
                for diagnostic in checked.diagnostics { AmpwiseCommand.printError(diagnostic.description) }
                logger.error("cannot start: the rules in \(configuration.rules) have errors")
                return 1
            }
            ruleSet = checkedRules
            logger.info("rules: \(ruleSet.summary)")
            for warning in ruleSet.selectorWarnings(chargerIds: Set(configuration.chargers.keys)) {
                logger.warning("\(warning.description)")
            }
            store = try Store(path: configuration.database)
        } catch {
            logger.error("cannot start: \(error)")
            return 1
        }
        let passwordWriter: ChargerPasswordWriter
        do {
            passwordWriter = try await StoredChargerPasswords.attach(centralConfiguration.passwords, to: store)
        } catch {
            logger.error("cannot start: the changed charger passwords cannot be read: \(error)")
            await store.close()
            return 1
        }
        // One group of event loops serves the chargers and the API.
        let group = EventLoopGroup(loopCount: centralConfiguration.loopCount)
        let site = Site(
            store: store, central: centralConfiguration, fleet: fleetSettings,
            engine: configuration.engineSettings, ruleSet: ruleSet, tariff: configuration.tariffSchedule,
            loadRules: configuration.ruleSourceLoader, group: group)
        let engine = site.engine
        // Sources are read from the configuration at start-up; changing them takes a restart
        // (docs/sources.md). They deliver to the engine's inputs as PUT /api/inputs does.
        let sourceSet: InputSourceSet
        // One MQTT client (one connection) for the bridge and the MQTT sources.
        let mqttClient: MQTTClient?
        do {
            mqttClient = try configuration.mqtt.map { try MQTTBridge.makeClient(settings: $0, group: group) }
            sourceSet = InputSourceSet(
                sources: try SourceFactory(group: group).makeSources(configuration.sources, mqtt: mqttClient),
                sink: SchedulerInputSink(scheduler: engine))
        } catch {
            logger.error("cannot start: \(error)")
            await store.close()
            group.shutdown()
            return 1
        }
        // The tariff provider (docs/prices.md) delivers to the engine's tariff as PUT /api/tariff does.
        var tariffRunner: TariffProviderRunner?
        if let provider = configuration.tariff.provider {
            do {
                let tls = try provider.trustedCertificatesPath.map {
                    try ClientTLSContext(trustedCertificatesPath: $0, setting: "tariff.provider.ca")
                }
                tariffRunner = TariffProviderRunner(
                    provider: TariffProviderFactory.make(provider), formula: configuration.tariff.formula,
                    schedule: TariffRefreshSchedule(
                        refresh: provider.refresh, retry: provider.retry, timeZone: configuration.timeZone),
                    client: HTTPClient(group: group, tls: tls), sink: SchedulerTariffSink(scheduler: engine))
            } catch {
                logger.error("cannot start: \(error)")
                await store.close()
                group.shutdown()
                return 1
            }
        }
        let runner = tariffRunner
        var dependencies = APIDependencies(
            chargers: site.fleet, commands: site.commands, records: store, transactions: site.fleet, scheduler: engine,
            centralMetrics: site.central.metrics, version: AmpwiseVersion.current,
            remoteStartIdTag: { configuration.charger($0).remoteStartIdTag },
            configuredChargers: Set(configuration.chargers.keys), sources: { sourceSet.statuses() }, history: store,
            planner: engine, tariffProvider: { runner?.status() }, timeZone: configuration.timeZone)
        dependencies.passwords = centralConfiguration.passwords
        dependencies.configuredPassword = { configuration.chargers[$0]?.password }
        if let mqttClient { dependencies.mqtt = { mqttClient.figures } }
        let feed = LiveEventFeed(events: LiveEvents(), dependencies: dependencies)
        feed.attach(to: site)
        let reloads = SignalWatcher.watch(SIGHUP) {
            Task {
                let errors = await engine.reloadRules().filter(\.isError)
                if errors.isEmpty {
                    logger.info("SIGHUP: rules reloaded")
                } else {
                    for diagnostic in errors { logger.error("SIGHUP: \(diagnostic.description)") }
                    logger.error("SIGHUP: the rules have errors; the last good rules stay in force")
                }
            }
        }
        var api: APIServer?
        let chargerPort: Int
        do {
            chargerPort = try await site.start {
                do {
                    api = try APIServer.start(
                        configuration: configuration.api, dependencies: dependencies, group: group,
                        eventStream: feed.streamSource)
                } catch {
                    throw ListenFailure.naming(error, port: "api.port", host: "api.host")
                }
            }
        } catch {
            // The API's failure is named above; what is left to listen is the central system.
            logger.error("cannot start: \(ListenFailure.naming(error, port: "central.port", host: "central.host"))")
            api?.stop()
            await site.stop { await passwordWriter.finish() }
            group.shutdown()
            return 1
        }

        sourceSet.start()
        var mqtt: MQTTBridge?
        if let settings = configuration.mqtt, let mqttClient {
            let bridge = MQTTBridge(
                settings: settings, client: mqttClient, dependencies: dependencies,
                maxCurrent: { configuration.charger($0).maxCurrent })
            do {
                try await bridge.start()
            } catch {
                logger.error("cannot start MQTT: \(error)")
                await sourceSet.stop()
                api?.stop()
                await site.stop { await passwordWriter.finish() }
                group.shutdown()
                return 1
            }
            mqtt = bridge
        }
        tariffRunner?.start()
        let heapTrimming = HeapTrimmer.start()

        await hooks.started(StartedSite(site: site, chargerPort: chargerPort, apiPort: api?.localPort ?? 0))
        let signal = await shutdown.wait()
        reloads.cancel()
        heapTrimming.cancel()
        logger.info("received \(signal); shutting down")
        await hooks.stopping()
        await sourceSet.stop()
        await tariffRunner?.stop()
        await mqtt?.stop()
        api?.stop()
        await site.stop { await passwordWriter.finish() }
        group.shutdown()
        logger.info("stopped")
        return 0
    }
}
