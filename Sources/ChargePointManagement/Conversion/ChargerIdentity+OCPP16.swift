import ChargingModel
import OCPP

extension ChargerIdentity {
    /// Who an OCPP 1.6 charger says it is in its BootNotification.
    init(_ boot: BootNotificationRequest) {
        self.init(
            vendor: boot.chargePointVendor, model: boot.chargePointModel, serialNumber: boot.chargePointSerialNumber,
            chargeBoxSerialNumber: boot.chargeBoxSerialNumber, firmwareVersion: boot.firmwareVersion,
            iccid: boot.iccid, imsi: boot.imsi, meterType: boot.meterType, meterSerialNumber: boot.meterSerialNumber)
    }
}
