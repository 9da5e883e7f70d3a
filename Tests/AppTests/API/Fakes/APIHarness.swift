import Central
import ChargePointManagement
import ChargingModel
import Chronology
import Foundation
import HTTP
import InputSources
import MQTTLink
import OCPP
import Scheduling
import TestSupport

@testable import App

/// A router over fakes of every dependency, with the clock stopped at 2026-11-25T08:00:00Z.
struct APIHarness {
    static let now = RFC3339.parse("2026-11-25T08:00:00Z")!

    let directory = FakeChargerDirectory()
    let central: FakeChargePointCaller
    let records = FakeRecords()
    let scheduler = FakeScheduler()
    let transactions = FakeTransactionCloser()
    /// Sends, records (in `records`) and counts the manual commands, as in `serve`.
    let commands: CommandDispatcher
    let centralMetrics = CentralMetrics()
    let dependencies: APIDependencies
    let router: APIRouter

    init(
        connected: Set<String> = [], token: String? = nil, snapshots: [ChargerSnapshot] = [],
        configured: Set<String> = [], sources: [SourceStatus] = [],
        timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, mqtt: MQTTClientFigures? = nil
    ) {
        central = FakeChargePointCaller(connected: connected)
        commands = CommandDispatcher(caller: central, recorder: records, now: { APIHarness.now })
        for snapshot in snapshots { directory.put(snapshot) }
        var dependencies = APIDependencies(
            chargers: directory, commands: commands, records: records, transactions: transactions,
            scheduler: scheduler,
            centralMetrics: centralMetrics, version: "9.8.7",
            remoteStartIdTag: { $0 == "garage" ? "garage-tag" : "ampwise" }, now: { APIHarness.now },
            configuredChargers: configured, sources: { sources }, timeZone: timeZone)
        dependencies.mqtt = { mqtt }
        self.dependencies = dependencies
        router = APIRouter(routes: APIEndpoints.routes(dependencies), token: token)
    }

    /// Sends a request through the real parser and the router; `host: nil` leaves out the Host header.
    func request(
        _ method: String, _ target: String, body: String? = nil, headers: [(String, String)] = [],
        host: String? = "test"
    ) async -> HTTPResponse {
        var text = "\(method) \(target) HTTP/1.1\r\n"
        if let host { text += "Host: \(host)\r\n" }
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        var parser = HTTPRequestParser()
        parser.append(Array(text.utf8))
        guard let request = try? parser.next() else { fatalError("the test built an unparsable request") }
        return await router.respond(to: request)
    }

    /// A connected charger with one idle connector.
    static func plainCharger(_ id: String, connected: Bool = true) -> ChargerSnapshot {
        var snapshot = ChargerSnapshot(id: id)
        snapshot.connected = connected
        snapshot.connectors = [ConnectorSnapshot(id: 1)]
        return snapshot
    }

    /// The docs/api.md example charger: `garage`, charging on connector 1 in transaction 17.
    static var garage: ChargerSnapshot {
        var snapshot = ChargerSnapshot(id: "garage")
        snapshot.connected = true
        snapshot.identity = ChargerIdentity(
            vendor: "Wall Box Chargers", model: "PLP1-0-2-4", serialNumber: "88034",
            firmwareVersion: "5.5.10")
        snapshot.features = ["Core", "SmartCharging"]
        snapshot.lastHeartbeat = now
        snapshot.latencyMilliseconds = 13.04
        snapshot.status = .available
        snapshot.errorCode = "NoError"
        var connector = ConnectorSnapshot(id: 1)
        connector.status = .charging
        connector.errorCode = "NoError"
        connector.transaction = TransactionSnapshot(
            id: 17, idTag: "ampwise", startedAt: now.addingTimeInterval(-3600), meterStart: 1200, energyWh: 5400)
        connector.lastStopReason = "EVDisconnected"
        connector.measurands = [
            .powerActiveImport: MeasurandValue(value: 7200, unit: "W", at: now.addingTimeInterval(-10)),
            .currentImport: MeasurandValue(
                value: 10.5, unit: "A", at: now.addingTimeInterval(-10), phases: ["L1": 10.4, "L2": 10.6]),
        ]
        snapshot.connectors = [connector]
        return snapshot
    }

    static let garageState = ConnectorSchedulingState(
        charging: true, limitAmps: 10, rules: ["solar following"], source: "rules", appliedLimitAmps: 10,
        appliedStatus: "Accepted", appliedAt: now.addingTimeInterval(-60))
}

extension HTTPResponse {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
