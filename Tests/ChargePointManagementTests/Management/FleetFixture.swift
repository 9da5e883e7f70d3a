import ChargingModel
import Foundation
import OCPP
import Store
import TestSupport
import Transport

@testable import ChargePointManagement

/// A `ChargerFleet` on a store in a temporary folder, with a settable clock and a scripted caller.
final class FleetFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    let directory: TemporaryDirectory
    let store: Store
    let fleet: ChargerFleet
    let clock: ManualClock
    let changes: AsyncStream<ChargerChange>

    init(
        idTags: IdTagPolicy = IdTagPolicy(), chargerIdTag: String? = nil, allowUnknownChargers: Bool = true,
        measurands: [ChargingModel.Measurand] = [.energyActiveImportRegister, .powerActiveImport, .currentImport],
        caller: FakeChargePointCaller? = nil, directory: TemporaryDirectory? = nil, setupGracePeriod: Double = 3600,
        storeOptions: StoreOptions = StoreOptions(), certificateAuthority: CertificateAuthority? = nil
    ) throws {
        let directory = try directory ?? TemporaryDirectory()
        self.directory = directory
        store = try Store(path: directory.file("ampwise.sqlite"), options: storeOptions)
        let clock = ManualClock(Self.start)
        self.clock = clock
        let settings = ChargerFleetSettings(
            heartbeatInterval: 120, meterValueSampleInterval: 30, measurands: measurands, idTags: idTags,
            chargerIdTag: { _ in chargerIdTag }, isListedCharger: { $0 == "LISTED" },
            allowUnknownChargers: allowUnknownChargers, setupGracePeriod: setupGracePeriod, now: { clock.now() },
            certificateAuthority: certificateAuthority)
        let store = store
        let commands = caller.map { CommandDispatcher(caller: $0, recorder: store, now: { clock.now() }) }
        fleet = ChargerFleet(store: store, settings: settings, commands: commands)
        let (stream, continuation) = AsyncStream<ChargerChange>.makeStream()
        changes = stream
        fleet.observeChanges { continuation.yield($0) }
    }

    func advance(_ seconds: Double) {
        clock.advance(by: seconds)
    }

    var now: Date { clock.now() }

    /// Sends a charger CALL and waits for the answer.
    func send(_ request: ChargePointRequest, from chargerId: String = "CP1") async -> ChargerReply {
        await withCheckedContinuation { continuation in
            fleet.respond(to: request, from: chargerId) { continuation.resume(returning: $0) }
        }
    }

    /// Waits for the first change that matches.
    func waitFor(_ wanted: ChargerChange) async {
        for await change in changes where change == wanted { return }
    }

    // MARK: Messages

    func boot(_ chargerId: String = "CP1") async -> ChargerReply {
        await send(
            .bootNotification(
                BootNotificationRequest(
                    chargePointVendor: "Alfen", chargePointModel: "Eve", chargePointSerialNumber: "SN-7",
                    firmwareVersion: "6.1.2", iccid: "8931", meterType: "ABB")), from: chargerId)
    }

    func start(connector: Int = 1, idTag: String = "04A2B3C4", meterStart: Int, at offset: Double = 0) async -> Int? {
        let reply = await send(
            .startTransaction(
                StartTransactionRequest(
                    connectorId: connector, idTag: idTag, meterStart: meterStart,
                    timestamp: Self.start.addingTimeInterval(offset))))
        guard case .confirm(let payload) = reply, case .number(let id) = payload["transactionId"] else { return nil }
        return Int(id)
    }

    func meterValues(
        connector: Int = 1, transactionId: Int?, at offset: Double, _ values: [SampledValue]
    ) async -> ChargerReply {
        await send(
            .meterValues(
                MeterValuesRequest(
                    connectorId: connector, transactionId: transactionId,
                    meterValue: [MeterValue(timestamp: Self.start.addingTimeInterval(offset), sampledValue: values)])))
    }

    func stop(
        transactionId: Int, meterStop: Int, at offset: Double, reason: StopReason? = nil, idTag: String? = nil,
        transactionData: [MeterValue]? = nil
    ) async -> ChargerReply {
        await send(
            .stopTransaction(
                StopTransactionRequest(
                    idTag: idTag, meterStop: meterStop, timestamp: Self.start.addingTimeInterval(offset),
                    transactionId: transactionId, reason: reason, transactionData: transactionData)))
    }

    func status(connector: Int, _ status: ChargePointStatus, error: ChargePointErrorCode = .noError) async {
        _ = await send(
            .statusNotification(StatusNotificationRequest(connectorId: connector, errorCode: error, status: status)))
    }
}
