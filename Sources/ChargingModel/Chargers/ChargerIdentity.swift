/// Who a charger says it is, from its boot (OCPP 1.6 BootNotification, 2.0.1's
/// `chargingStation`), kept across restarts and shown in the API.
public struct ChargerIdentity: Sendable, Hashable {
    public var vendor: String
    public var model: String
    /// The charge point's serial number (1.6 `chargePointSerialNumber`, 2.0.1 `serialNumber`).
    public var serialNumber: String?
    /// 1.6 only: the charge box's own serial number (deprecated by the standard, still sent).
    public var chargeBoxSerialNumber: String?
    public var firmwareVersion: String?
    /// The modem's SIM card and subscriber ids.
    public var iccid: String?
    public var imsi: String?
    /// 1.6 only: the main electrical meter's type and serial number.
    public var meterType: String?
    public var meterSerialNumber: String?

    public init(
        vendor: String, model: String, serialNumber: String? = nil, chargeBoxSerialNumber: String? = nil,
        firmwareVersion: String? = nil, iccid: String? = nil, imsi: String? = nil, meterType: String? = nil,
        meterSerialNumber: String? = nil
    ) {
        self.vendor = vendor
        self.model = model
        self.serialNumber = serialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
    }
}
