import Foundation

/// The identity a BootNotification.req reports, for `Store.recordBoot`.
public struct ChargerBoot: Sendable, Equatable {
    public var chargerId: String
    public var vendor: String
    public var model: String
    public var chargePointSerialNumber: String?
    public var chargeBoxSerialNumber: String?
    public var firmwareVersion: String?
    public var iccid: String?
    public var imsi: String?
    public var meterType: String?
    public var meterSerialNumber: String?
    /// When the central system received the message.
    public var at: Date

    public init(
        chargerId: String, vendor: String, model: String, chargePointSerialNumber: String? = nil,
        chargeBoxSerialNumber: String? = nil, firmwareVersion: String? = nil, iccid: String? = nil,
        imsi: String? = nil, meterType: String? = nil, meterSerialNumber: String? = nil, at: Date = Date()
    ) {
        self.chargerId = chargerId
        self.vendor = vendor
        self.model = model
        self.chargePointSerialNumber = chargePointSerialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
        self.at = at
    }
}
