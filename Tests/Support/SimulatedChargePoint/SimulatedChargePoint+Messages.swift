import Foundation
import OCPP

extension SimulatedChargePoint {
    /// BootNotification.
    @discardableResult
    public func boot(
        vendor: String = "Simulated", model: String = "SimCharger", serialNumber: String? = "SIM-1",
        firmwareVersion: String? = "1.0.0"
    ) throws(SimulatedChargePointError) -> BootNotificationConfirmation {
        try call(
            BootNotificationRequest(
                chargePointVendor: vendor, chargePointModel: model, chargePointSerialNumber: serialNumber,
                firmwareVersion: firmwareVersion))
    }

    public func heartbeat() throws(SimulatedChargePointError) -> HeartbeatConfirmation {
        try call(HeartbeatRequest())
    }

    public func sendStatus(
        connector: Int, _ status: ChargePointStatus, errorCode: ChargePointErrorCode = .noError, info: String? = nil,
        timestamp: Date? = nil
    ) throws(SimulatedChargePointError) {
        _ = try call(
            StatusNotificationRequest(
                connectorId: connector, errorCode: errorCode, info: info, status: status, timestamp: timestamp))
    }

    public func authorize(_ idTag: String) throws(SimulatedChargePointError) -> AuthorizeConfirmation {
        try call(AuthorizeRequest(idTag: idTag))
    }

    public func startTransaction(
        connector: Int = 1, idTag: String = "SIMTAG", meterStart: Int, timestamp: Date = Date()
    ) throws(SimulatedChargePointError) -> StartTransactionConfirmation {
        try call(
            StartTransactionRequest(connectorId: connector, idTag: idTag, meterStart: meterStart, timestamp: timestamp))
    }

    /// MeterValues with one `MeterValue` of `values` sampled at `timestamp`.
    public func sendMeterValues(
        connector: Int = 1, transactionId: Int?, _ values: [SampledValue], timestamp: Date = Date()
    ) throws(SimulatedChargePointError) {
        _ = try call(
            MeterValuesRequest(
                connectorId: connector, transactionId: transactionId,
                meterValue: [MeterValue(timestamp: timestamp, sampledValue: values)]))
    }

    /// MeterValues with the energy register only, in Wh.
    public func sendEnergy(
        connector: Int = 1, transactionId: Int?, wattHours: Double, timestamp: Date = Date()
    ) throws(SimulatedChargePointError) {
        try sendMeterValues(
            connector: connector, transactionId: transactionId,
            [SampledValue(value: String(wattHours), measurand: .energyActiveImportRegister, unit: .wattHours)],
            timestamp: timestamp)
    }

    public func stopTransaction(
        transactionId: Int, meterStop: Int, reason: StopReason? = nil, idTag: String? = nil,
        transactionData: [MeterValue]? = nil, timestamp: Date = Date()
    ) throws(SimulatedChargePointError) -> StopTransactionConfirmation {
        try call(
            StopTransactionRequest(
                idTag: idTag, meterStop: meterStop, timestamp: timestamp, transactionId: transactionId, reason: reason,
                transactionData: transactionData))
    }
}
