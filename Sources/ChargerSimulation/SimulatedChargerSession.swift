import Foundation
import JSON
import OCPP

/// The thread's side of a `SimulatedCharger`: the connection, the car and the profiles. Used only by
/// that thread.
struct SimulatedChargerSession {
    let settings: SimulatedChargerSettings
    let shared: SimulatedCharger
    var socket: SimulatorWebSocket?
    var nextId = 0
    var car: CarState
    var energyWh: Double
    var lastMeterAt = Date.distantPast
    var lastTick = Date()
    var reportedStatus: ChargePointStatus?
    var available = true
    /// Charging profiles in force, by (purpose, stack level).
    var profiles: [ProfileKey: ChargingProfile] = [:]
    var startRequested: String?
    var stopRequestedByCentral = false

    struct ProfileKey: Hashable {
        var purpose: ChargingProfilePurpose
        var stackLevel: Int
    }

    init(settings: SimulatedChargerSettings, shared: SimulatedCharger) {
        self.settings = settings
        self.shared = shared
        car = .away(until: Date().addingTimeInterval(settings.plugInAfter))
        energyWh = settings.meterStart
    }

    mutating func run() {
        while !shared.stopRequested {
            do {
                try connectAndServe()
            } catch {
                shared.update { $0.connected = false }
                socket = nil
                // Reconnect as a charger does, after a pause (in small steps, so that stop() is quick).
                for _ in 0..<20 where !shared.stopRequested { Thread.sleep(forTimeInterval: 0.1) }
            }
        }
        socket?.close()
        shared.update { $0.connected = false }
    }

    mutating func connectAndServe() throws(SimulationError) {
        socket = try SimulatorWebSocket(
            host: settings.host, port: settings.port, path: settings.pathPrefix + settings.chargerId)
        _ = try call(
            BootNotificationRequest(
                chargePointVendor: "Ampwise", chargePointModel: "Simulated wallbox",
                chargePointSerialNumber: "SIM-\(settings.chargerId)", firmwareVersion: "demo-1.0"))
        shared.update { $0.connected = true }
        reportedStatus = nil
        try report(currentStatus())
        while !shared.stopRequested {
            if let text = try socket?.receiveText(waitingAtMost: 200) { try handle(text) }
            try tick()
        }
    }

    // MARK: - The car

    func currentStatus() -> ChargePointStatus {
        guard available else { return .unavailable }
        switch car {
        case .away: return .available
        case .plugged: return .preparing
        case .charging: return offeredAmps().map { $0 >= settings.carMinAmps } == false ? .suspendedEVSE : .charging
        }
    }

    /// The current the profiles offer now: the transaction's profile over the default one, capped
    /// by the charger's maximum profile; each at its highest stack level.
    func offeredAmps() -> Double? {
        func limit(_ purpose: ChargingProfilePurpose) -> Double? {
            let candidates = profiles.filter { $0.key.purpose == purpose }
            guard let top = candidates.max(by: { $0.key.stackLevel < $1.key.stackLevel })?.value,
                let period = top.chargingSchedule.chargingSchedulePeriod.first
            else { return nil }
            let phases = Double(period.numberPhases ?? settings.phases)
            return top.chargingSchedule.chargingRateUnit == ChargingRateUnit.watts
                ? period.limit / (settings.voltage * phases) : period.limit
        }
        let session = limit(.txProfile) ?? limit(.txDefaultProfile)
        let cap = limit(.chargePointMaxProfile)
        switch (session, cap) {
        case (let session?, let cap?): return min(session, cap)
        case (let session?, nil): return session
        case (nil, let cap?): return cap
        case (nil, nil): return nil
        }
    }

    mutating func tick() throws(SimulationError) {
        let now = Date()
        let elapsed = now.timeIntervalSince(lastTick)
        lastTick = now
        switch car {
        case .away(let until):
            if now >= until, available { car = .plugged(since: now) }
        case .plugged(let since):
            if let idTag = startRequested ?? (now.timeIntervalSince(since) >= settings.swipeAfter ? "DEMO-CARD" : nil) {
                startRequested = nil
                let confirmation = try call(
                    StartTransactionRequest(connectorId: 1, idTag: idTag, meterStart: Int(energyWh), timestamp: now))
                if confirmation.idTagInfo.status == .accepted {
                    car = .charging(transactionId: confirmation.transactionId, since: now)
                    stopRequestedByCentral = false
                    lastMeterAt = now
                    shared.update {
                        $0.transactionId = confirmation.transactionId; $0.sessionsStarted += 1
                    }
                }
            }
        case .charging(let transactionId, let since):
            let amps = min(offeredAmps() ?? settings.carMaxAmps, settings.carMaxAmps)
            let power = amps >= settings.carMinAmps ? amps * settings.voltage * Double(settings.phases) * 0.98 : 0
            energyWh += power * elapsed / 3600
            shared.update {
                $0.powerWatts = power; $0.offeredAmps = offeredAmps()
            }
            if now.timeIntervalSince(lastMeterAt) >= settings.meterInterval {
                lastMeterAt = now
                try sendMeterValues(transactionId: transactionId, power: power, amps: power > 0 ? amps : 0, at: now)
            }
            if stopRequestedByCentral || now.timeIntervalSince(since) >= settings.sessionSeconds {
                let reason: StopReason = stopRequestedByCentral ? .remote : .evDisconnected
                _ = try call(
                    StopTransactionRequest(
                        meterStop: Int(energyWh), timestamp: now, transactionId: transactionId, reason: reason))
                profiles = profiles.filter { $0.key.purpose != .txProfile }
                shared.update {
                    $0.transactionId = nil; $0.powerWatts = 0
                }
                try report(.finishing)
                car = .away(until: now.addingTimeInterval(settings.pauseBetweenSessions))
            }
        }
        let status = currentStatus()
        if status != reportedStatus { try report(status) }
    }

    mutating func sendMeterValues(transactionId: Int?, power: Double, amps: Double, at now: Date)
        throws(SimulationError)
    {
        _ = try call(
            MeterValuesRequest(
                connectorId: 1, transactionId: transactionId,
                meterValue: [
                    MeterValue(
                        timestamp: now,
                        sampledValue: [
                            SampledValue(
                                value: String(format: "%.1f", energyWh), context: .samplePeriodic,
                                measurand: .energyActiveImportRegister, unit: .wattHours),
                            SampledValue(
                                value: String(format: "%.1f", power), context: .samplePeriodic,
                                measurand: .powerActiveImport, unit: .watts),
                            SampledValue(
                                value: String(format: "%.2f", amps), context: .samplePeriodic,
                                measurand: .currentImport,
                                unit: .amperes),
                        ])
                ]))
    }

    mutating func report(_ status: ChargePointStatus) throws(SimulationError) {
        reportedStatus = status
        _ = try call(StatusNotificationRequest(connectorId: 1, errorCode: .noError, status: status, timestamp: Date()))
    }

    // MARK: - The wire

    /// Sends a CALL and waits (answering the central system's own CALLs meanwhile) for its result.
    mutating func call<Request: OCPPRequest>(_ request: Request) throws(SimulationError) -> Request.Confirmation {
        guard let socket else { throw .closed }
        nextId += 1
        let uniqueId = "sim-\(nextId)"
        try socket.sendText(
            OCPPFrame.call(uniqueId: uniqueId, action: Request.action.rawValue, payload: request.jsonObject).text())
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard !shared.stopRequested else { throw .closed }
            guard let text = try socket.receiveText(waitingAtMost: 200) else { continue }
            let frame: OCPPFrame
            do {
                frame = try OCPPFrame.parse(Array(text.utf8))
            } catch {
                throw .protocolViolation("unparsable frame: \(text)")
            }
            switch frame {
            case .callResult(uniqueId, let payload):
                do {
                    return try Request.Confirmation.decode(payload, mode: .lenient).value
                } catch {
                    throw .protocolViolation("\(Request.action.rawValue) answer: \(error.description)")
                }
            case .callError(uniqueId, let code, let description, _):
                throw .protocolViolation("\(Request.action.rawValue) refused: \(code.rawValue) \(description)")
            case .call:
                try handle(frame)
            default:
                continue
            }
        }
        throw .protocolViolation("no answer to \(Request.action.rawValue) within 30 s")
    }

    mutating func handle(_ text: String) throws(SimulationError) {
        do {
            try handle(try OCPPFrame.parse(Array(text.utf8)))
        } catch let error as SimulationError {
            throw error
        } catch {
            throw .protocolViolation("unparsable frame: \(text)")
        }
    }

    /// Answers a CALL of the central system as a well-behaved charger does.
    mutating func handle(_ frame: OCPPFrame) throws(SimulationError) {
        guard case .call(let uniqueId, let actionName, let payload) = frame, let socket else { return }
        guard let action = OCPPAction(rawValue: actionName) else {
            try socket.sendText(
                OCPPFrame.callError(
                    uniqueId: uniqueId, code: .notImplemented, description: "unknown action", details: JSONObject()
                ).text())
            return
        }
        let request: any OCPPRequest
        do {
            request = try action.decodeRequest(payload, mode: .lenient).value
        } catch {
            try socket.sendText(
                OCPPFrame.callError(
                    uniqueId: uniqueId, code: .formationViolation, description: error.description, details: JSONObject()
                ).text())
            return
        }
        let answer = respond(to: request)
        try socket.sendText(OCPPFrame.callResult(uniqueId: uniqueId, payload: answer).text())
        if let trigger = request as? TriggerMessageRequest { try triggered(trigger.requestedMessage) }
    }

    mutating func respond(to request: any OCPPRequest) -> JSONObject {
        switch request {
        case let request as GetConfigurationRequest:
            let known: [(String, String)] = [
                ("SupportedFeatureProfiles", "Core,SmartCharging,RemoteTrigger"), ("NumberOfConnectors", "1"),
                ("ChargingScheduleAllowedChargingRateUnit", "Current,Power"), ("ChargeProfileMaxStackLevel", "8"),
                ("MeterValueSampleInterval", String(Int(settings.meterInterval))),
                ("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import"),
            ]
            let wanted = request.key ?? known.map(\.0)
            let unknown = wanted.filter { key in !known.contains { $0.0 == key } }
            return GetConfigurationConfirmation(
                configurationKey: known.filter { wanted.contains($0.0) }.map {
                    KeyValue(key: $0.0, readonly: false, value: $0.1)
                },
                unknownKey: unknown.isEmpty ? nil : unknown
            ).jsonObject
        case let request as SetChargingProfileRequest:
            let profile = request.csChargingProfiles
            profiles[ProfileKey(purpose: profile.chargingProfilePurpose, stackLevel: profile.stackLevel)] = profile
            shared.update { $0.acceptedProfiles += 1 }
            return SetChargingProfileConfirmation(status: .accepted).jsonObject
        case let request as ClearChargingProfileRequest:
            let before = profiles.count
            profiles = profiles.filter { key, profile in
                if let id = request.id { return profile.chargingProfileId != id }
                if let purpose = request.chargingProfilePurpose, purpose != key.purpose { return true }
                if let stackLevel = request.stackLevel, stackLevel != key.stackLevel { return true }
                return false
            }
            return ClearChargingProfileConfirmation(status: profiles.count < before ? .accepted : .unknown).jsonObject
        case let request as RemoteStartTransactionRequest:
            guard case .plugged = car, available else { return status("Rejected") }
            startRequested = request.idTag
            return status("Accepted")
        case let request as RemoteStopTransactionRequest:
            guard case .charging(let transactionId, _) = car, transactionId == request.transactionId else {
                return status("Rejected")
            }
            stopRequestedByCentral = true
            return status("Accepted")
        case let request as ChangeAvailabilityRequest:
            available = request.type != .inoperative
            return ChangeAvailabilityConfirmation(status: .accepted).jsonObject
        case is ChangeConfigurationRequest:
            return ChangeConfigurationConfirmation(status: .accepted).jsonObject
        case is TriggerMessageRequest:
            return TriggerMessageConfirmation(status: .accepted).jsonObject
        case is UnlockConnectorRequest:
            return UnlockConnectorConfirmation(status: .unlocked).jsonObject
        default:
            return status("Accepted")
        }
    }

    /// Sends what a TriggerMessage asked for, after answering it (OCPP 1.6 §5.17).
    mutating func triggered(_ message: MessageTrigger) throws(SimulationError) {
        switch message {
        case .statusNotification: try report(currentStatus())
        case .heartbeat: _ = try call(HeartbeatRequest())
        case .meterValues:
            if case .charging(let transactionId, _) = car {
                let status = shared.status
                try sendMeterValues(
                    transactionId: transactionId, power: status.powerWatts, amps: status.offeredAmps ?? 0, at: Date())
            }
        default: break
        }
    }

    func status(_ value: String) -> JSONObject {
        JSONObject([("status", .string(value))])
    }
}
