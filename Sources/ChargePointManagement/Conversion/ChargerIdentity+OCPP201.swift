import ChargingModel
import OCPP201

extension ChargerIdentity {
    /// Who an OCPP 2.0.1 charging station says it is in its BootNotification's `chargingStation`.
    init(_ station: ChargingStation) {
        self.init(
            vendor: station.vendorName, model: station.model, serialNumber: station.serialNumber,
            firmwareVersion: station.firmwareVersion, iccid: station.modem?.iccid, imsi: station.modem?.imsi)
    }
}
