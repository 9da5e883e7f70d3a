import Central
import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import Store

extension ChargerFleet {
    /// Configuration keys the set-up reads and writes.
    enum ConfigurationKey {
        static let features = "SupportedFeatureProfiles"
        static let connectors = "NumberOfConnectors"
        static let rateUnit = "ChargingScheduleAllowedChargingRateUnit"
        static let maxStackLevel = "ChargeProfileMaxStackLevel"
        static let sampleInterval = "MeterValueSampleInterval"
        static let sampledData = "MeterValuesSampledData"
        static let sampledDataMaxLength = "MeterValuesSampledDataMaxLength"
    }

    /// The post-boot set-up (docs/charger-management.md): learn the configuration, set the meter values Ampwise
    /// needs where they differ, and ask for each connector's status. Every command is recorded
    /// with source `setup`. It stops when a newer boot started another set-up, or when the
    /// charger cannot be reached.
    func runSetup(_ chargerId: String, boot: Int) async {
        guard let commands else {
            logger.warning("\(chargerId): no command dispatcher attached; set-up skipped")
            return
        }
        if chargers.withLock({ $0[chargerId]?.base.protocolVersion == "ocpp2.0.1" }) {
            await runOCPP201Setup(chargerId, boot: boot, through: commands)
            return
        }
        let isCurrent = { [self] in chargers.withLock { $0[chargerId]?.bootCount == boot } }

        // 1. Everything the charger will tell.
        let reply = await send(GetConfigurationRequest(), to: chargerId, through: commands)
        var configuration: [String: String]? = nil
        switch reply {
        case .success(let confirmation):
            configuration = await learn(confirmation.configurationKey ?? [], from: chargerId)
        case .failure(.timeout), .failure(.notConnected), .failure(.connectionClosed):
            logger.warning("\(chargerId): set-up stopped: GetConfiguration got no answer")
            return
        case .failure(let error):
            // A charger that refuses GetConfiguration may still take the settings.
            logger.warning("\(chargerId): GetConfiguration failed (\(error)); setting meter values blindly")
        }
        guard isCurrent() else { return }

        // 2. The sample interval, where it differs.
        let interval = String(settings.meterValueSampleInterval)
        if configuration?[ConfigurationKey.sampleInterval].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            != settings.meterValueSampleInterval
        {
            _ = await change(ConfigurationKey.sampleInterval, to: interval, on: chargerId, through: commands)
        }
        guard isCurrent() else { return }

        // 3. The measurands, where they differ; narrowed once if the charger refuses them.
        await setMeasurands(on: chargerId, configuration: configuration, through: commands)
        guard isCurrent() else { return }

        // 4. Each connector's status, when the charger can be asked.
        let (features, connectorCount) = chargers.withLock { chargers in
            let state = chargers[chargerId]
            let reported = state?.connectors.keys.filter { $0 > 0 }.max() ?? 0
            return (state?.base.features ?? [], max(state?.base.numberOfConnectors ?? 0, reported, 1))
        }
        if features.contains("RemoteTrigger") {
            for connectorId in 1...connectorCount {
                guard isCurrent() else { return }
                let result = await send(
                    TriggerMessageRequest(requestedMessage: .statusNotification, connectorId: connectorId),
                    to: chargerId, connectorId: connectorId, through: commands)
                if case .failure(let error) = result, error == .notConnected || error == .connectionClosed { return }
            }
        }
        logger.info("\(chargerId) set-up done")
        emit(.configured(chargerId: chargerId))
    }

    /// Keeps a whole configuration (snapshot and store) and what the set-up needs from it.
    func learn(_ keys: [KeyValue], from chargerId: String) async -> [String: String] {
        let now = settings.now()
        var values: [String: String] = [:]
        for key in keys { values[key.key] = key.value ?? "" }
        let features = (values[ConfigurationKey.features] ?? "")
            .split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
        let connectorCount = values[ConfigurationKey.connectors].flatMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        let maxStackLevel = values[ConfigurationKey.maxStackLevel].flatMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        update(chargerId) { state in
            state.base.configuration = values
            state.base.features = features
            state.base.numberOfConnectors = connectorCount
            state.base.limitUnit = LimitUnit(ocpp16AllowedUnits: values[ConfigurationKey.rateUnit])
            state.base.maxStackLevel = maxStackLevel
            state.ensureConnectors(connectorCount ?? 0)
        }
        store.recordFeatures(chargerId: chargerId, features: features, connectorCount: connectorCount)
        do {
            try await store.recordConfiguration(
                chargerId: chargerId,
                entries: keys.map {
                    // A charger that reports its AuthorizationKey (write-only in the whitepaper)
                    // would put a password in the database.
                    let value =
                        OCPPSecrets.isSecret(key: $0.key) ? $0.value.map { _ in OCPPSecrets.redacted } : $0.value
                    return ConfigurationEntry(key: $0.key, value: value, isReadonly: $0.readonly, reportedAt: now)
                },
                replacingAll: true)
        } catch {
            logger.error("\(chargerId): configuration not stored: \(error)")
        }
        logger.info(
            "\(chargerId) configuration: \(keys.count) keys, features \(features.joined(separator: ",")), "
                + "connectors \(connectorCount.map(String.init) ?? "unknown"), "
                + "rate unit \(values[ConfigurationKey.rateUnit] ?? "unknown")")
        return values
    }

    /// Sets MeterValuesSampledData to the configured measurands if it differs. A refusal is
    /// answered once with the measurands the charger reports it can sample; never a third time
    /// (a set-up that insists has put chargers into reboot loops).
    func setMeasurands(on chargerId: String, configuration: [String: String]?, through commands: CommandDispatcher)
        async
    {
        var wanted = settings.measurands.map(\.spelling)
        guard !wanted.isEmpty else { return }
        let maxLength = configuration?[ConfigurationKey.sampledDataMaxLength].flatMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        if let maxLength, maxLength > 0, wanted.count > maxLength { wanted = Array(wanted.prefix(maxLength)) }
        let current = configuration?[ConfigurationKey.sampledData].map(Self.measurandList)
        if let current, Set(current) == Set(wanted) { return }
        let first = await change(
            ConfigurationKey.sampledData, to: wanted.joined(separator: ","), on: chargerId,
            through: commands)
        guard first == .rejected else { return }
        let supported = Set(Self.supportedMeasurands(in: configuration ?? [:]))
        let narrowed = wanted.filter { supported.contains($0) }
        guard !narrowed.isEmpty, Set(narrowed) != Set(current ?? []) else {
            logger.warning(
                "\(chargerId) refused MeterValuesSampledData \(wanted.joined(separator: ",")); "
                    + "keeping its own \(current?.joined(separator: ",") ?? "(unknown)")")
            return
        }
        logger.warning(
            "\(chargerId) refused MeterValuesSampledData \(wanted.joined(separator: ",")); "
                + "trying once with \(narrowed.joined(separator: ","))")
        let second = await change(
            ConfigurationKey.sampledData, to: narrowed.joined(separator: ","), on: chargerId,
            through: commands)
        if second != .accepted, second != .rebootRequired {
            logger.warning("\(chargerId) refused the narrowed measurands too; keeping its own")
        }
    }

    /// The measurands a charger says it can sample: its current MeterValuesSampledData, and
    /// any vendor key listing the supported ones (`MeterValuesSampledDataSupported`, ...).
    static func supportedMeasurands(in configuration: [String: String]) -> [String] {
        var result = configuration[ConfigurationKey.sampledData].map(measurandList) ?? []
        for (key, value) in configuration.sorted(by: { $0.key < $1.key })
        where key.hasPrefix(ConfigurationKey.sampledData) && key.lowercased().contains("support") {
            result += measurandList(value)
        }
        return result
    }

    static func measurandList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Sends a ChangeConfiguration and keeps the new value when the charger took it.
    func change(_ key: String, to value: String, on chargerId: String, through commands: CommandDispatcher) async
        -> ConfigurationStatus?
    {
        let result = await send(ChangeConfigurationRequest(key: key, value: value), to: chargerId, through: commands)
        guard case .success(let confirmation) = result else { return nil }
        let status = confirmation.status
        logger.info("\(chargerId) ChangeConfiguration \(key) = \(value): \(status.spelling)")
        if status == .accepted || status == .rebootRequired {
            update(chargerId) { $0.base.configuration[key] = value }
            do {
                try await store.recordConfiguration(
                    chargerId: chargerId,
                    entries: [
                        ConfigurationEntry(key: key, value: value, isReadonly: false, reportedAt: settings.now())
                    ],
                    replacingAll: false)
            } catch {
                logger.error("\(chargerId): configuration not stored: \(error)")
            }
        }
        return status
    }

    /// Sends one set-up command through the dispatcher, which records it with source `setup`.
    /// Confirmations are read leniently whatever the charger's `strict` setting: the set-up only
    /// needs what it can understand, and a charger that answers a little off is still set up.
    func send<Request: OCPPRequest>(
        _ request: Request, to chargerId: String, connectorId: Int? = nil, through commands: CommandDispatcher
    ) async -> Result<Request.Confirmation, CallError> {
        await commands.send(
            request, to: chargerId, context: CommandContext(source: .setup, connectorId: connectorId), mode: .lenient
        ).reply
    }
}
