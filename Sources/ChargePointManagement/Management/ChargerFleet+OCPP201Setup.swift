import Central
import ChargingModel
import Foundation
import Logging
import OCPP
import OCPP201
import Store

extension ChargerFleet {
    /// The device model variables the 2.0.1 set-up reads, as `Component.Variable`
    /// (OCPP 2.0.1 Part 2, appendix 3: the controller components' standardized variables).
    enum DeviceModelVariable {
        static let rateUnit = "SmartChargingCtrlr.RateUnit"
        static let stackLevel = "SmartChargingCtrlr.ProfileStackLevel"
        static let periodsPerSchedule = "SmartChargingCtrlr.PeriodsPerSchedule"
        static let sampledMeasurands = "SampledDataCtrlr.TxUpdatedMeasurands"
        static let sampleInterval = "SampledDataCtrlr.TxUpdatedInterval"
        static let all = [rateUnit, stackLevel, periodsPerSchedule, sampledMeasurands, sampleInterval]
    }

    /// The post-boot set-up of a 2.0.1 station (docs/ocpp201.md): GetVariables of what the
    /// scheduler needs (rate unit, stack levels, periods per schedule, sampled measurands and
    /// interval), kept in the snapshot and the store; SetVariables of the sampled data where it
    /// differs from the configuration. Commands are recorded with source `setup`.
    func runOCPP201Setup(_ chargerId: String, boot: Int, through commands: CommandDispatcher) async {
        let isCurrent = { [self] in chargers.withLock { $0[chargerId]?.bootCount == boot } }
        let context = CommandContext(source: .setup, connectorId: nil)

        // 1. What the scheduler needs from the device model.
        let request = GetVariablesRequest(getVariableData: DeviceModelVariable.all.map(Self.getVariableData))
        var values: [String: String] = [:]
        switch await commands.send(request, to: chargerId, context: context, mode: .lenient).reply {
        case .success(let response):
            for result in response.getVariableResult where result.attributeStatus == .accepted {
                values["\(result.component.name).\(result.variable.name)"] = result.attributeValue ?? ""
            }
        case .failure(.timeout), .failure(.notConnected), .failure(.connectionClosed):
            logger.warning("\(chargerId): set-up stopped: GetVariables got no answer")
            return
        case .failure(let error):
            logger.warning("\(chargerId): GetVariables failed (\(error)); setting sampled data blindly")
        }
        // Added to what is known: a NotifyReport may have told more already.
        await learnDeviceModel(
            values.map { DeviceModelEntry(name: $0.key, value: $0.value, isReadonly: false) }, from: chargerId)
        logger.info(
            "\(chargerId) device model: rate unit \(values[DeviceModelVariable.rateUnit] ?? "unknown"), "
                + "stack level \(values[DeviceModelVariable.stackLevel] ?? "unknown")")
        guard isCurrent() else { return }

        // 2. The sampled data Ampwise needs, where it differs.
        var changes: [SetVariableData] = []
        let interval = settings.meterValueSampleInterval
        if values[DeviceModelVariable.sampleInterval].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            != interval
        {
            changes.append(Self.setVariableData(DeviceModelVariable.sampleInterval, String(interval)))
        }
        let measurands = settings.measurands.map(\.spelling)
        let current = values[DeviceModelVariable.sampledMeasurands].map(Self.measurandList)
        if !measurands.isEmpty, current.map(Set.init) != Set(measurands) {
            changes.append(
                Self.setVariableData(DeviceModelVariable.sampledMeasurands, measurands.joined(separator: ",")))
        }
        if !changes.isEmpty {
            let reply = await commands.send(
                SetVariablesRequest(setVariableData: changes), to: chargerId, context: context, mode: .lenient
            ).reply
            if case .success(let response) = reply {
                var taken: [String: String] = [:]
                for result in response.setVariableResult {
                    let name = "\(result.component.name).\(result.variable.name)"
                    logger.info("\(chargerId) SetVariables \(name): \(result.attributeStatus.spelling)")
                    if result.attributeStatus == .accepted || result.attributeStatus == .rebootRequired,
                        let sent = changes.first(where: { "\($0.component.name).\($0.variable.name)" == name })
                    {
                        taken[name] = sent.attributeValue
                    }
                }
                if !taken.isEmpty {
                    await learnDeviceModel(
                        taken.map { DeviceModelEntry(name: $0.key, value: $0.value, isReadonly: false) },
                        from: chargerId)
                }
            }
        }
        guard isCurrent() else { return }
        logger.info("\(chargerId) set-up done")
        emit(.configured(chargerId: chargerId))
    }

    /// Keeps device model values (the snapshot's `configuration` and the store, named
    /// `Component.Variable`) and what the scheduler takes from them, added to those known.
    func learnDeviceModel(_ entries: [DeviceModelEntry], from chargerId: String) async {
        let now = settings.now()
        // The password is never kept, in memory or in the store (docs/security.md).
        let entries = entries.map { entry in
            var entry = entry
            if let key = DeviceModelKey(parsing: entry.name), entry.value != nil,
                OCPPSecrets.isSecret(component: key.component.name, variable: key.variable.name)
            {
                entry.value = OCPPSecrets.redacted
            }
            return entry
        }
        update(chargerId) { state in
            for entry in entries { state.base.configuration[entry.name] = entry.value ?? "" }
            let configuration = state.base.configuration
            state.base.limitUnit = LimitUnit(ocpp201RateUnits: configuration[DeviceModelVariable.rateUnit])
            state.base.maxStackLevel = configuration[DeviceModelVariable.stackLevel].flatMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
        }
        do {
            try await store.recordConfiguration(
                chargerId: chargerId,
                entries: entries.map {
                    ConfigurationEntry(key: $0.name, value: $0.value, isReadonly: $0.isReadonly, reportedAt: now)
                },
                replacingAll: false)
        } catch {
            logger.error("\(chargerId): device model not stored: \(error)")
        }
    }

    /// A part of a NotifyReport: kept until the report is whole, then its variables are added to
    /// what Ampwise knows of the station (docs/ocpp201.md, "Device model"). Answered once stored.
    func handleNotifyReport(
        _ report: NotifyReportRequest, from chargerId: String, answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let complete: [DeviceModelEntry]? = update(chargerId) { state in
            var assembly = state.deviceModelReports[report.requestId] ?? DeviceModelReport(requestId: report.requestId)
            guard assembly.add(report) else {
                state.deviceModelReports[report.requestId] = assembly
                // Reports never finished (a station that rebooted mid-report) do not pile up.
                if state.deviceModelReports.count > ChargerState.deviceModelReportLimit,
                    let oldest = state.deviceModelReports.keys.filter({ $0 != report.requestId }).min()
                {
                    state.deviceModelReports[oldest] = nil
                }
                return nil
            }
            state.deviceModelReports[report.requestId] = nil
            return assembly.entries
        }
        let response = NotifyReportResponse().jsonObject
        guard let complete else {
            answerOnceStored(response, answer)
            return
        }
        Task { [self] in
            await learnDeviceModel(complete, from: chargerId)
            logger.info("\(chargerId) device model report \(report.requestId): \(complete.count) variables")
            answerOnceStored(response, answer)
        }
    }

    static func getVariableData(_ name: String) -> GetVariableData {
        let (component, variable) = split(name)
        return GetVariableData(component: Component(name: component), variable: Variable(name: variable))
    }

    static func setVariableData(_ name: String, _ value: String) -> SetVariableData {
        let (component, variable) = split(name)
        return SetVariableData(
            attributeValue: value, component: Component(name: component), variable: Variable(name: variable))
    }

    private static func split(_ name: String) -> (component: String, variable: String) {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }
}
