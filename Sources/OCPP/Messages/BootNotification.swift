import Foundation

/// BootNotification.req: Sent by the charge point; announces itself after it (re)started.
public struct BootNotificationRequest: OCPPRequest {
    public typealias Confirmation = BootNotificationConfirmation
    public static let action = OCPPAction.bootNotification

    public var chargePointVendor: String
    public var chargePointModel: String
    public var chargePointSerialNumber: String?
    public var chargeBoxSerialNumber: String?
    public var firmwareVersion: String?
    public var iccid: String?
    public var imsi: String?
    public var meterType: String?
    public var meterSerialNumber: String?

    public init(
        chargePointVendor: String, chargePointModel: String, chargePointSerialNumber: String? = nil,
        chargeBoxSerialNumber: String? = nil, firmwareVersion: String? = nil, iccid: String? = nil, imsi: String? = nil,
        meterType: String? = nil, meterSerialNumber: String? = nil
    ) {
        self.chargePointVendor = chargePointVendor
        self.chargePointModel = chargePointModel
        self.chargePointSerialNumber = chargePointSerialNumber
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterType = meterType
        self.meterSerialNumber = meterSerialNumber
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        chargePointVendor = try reader.string("chargePointVendor", maxLength: 20)
        chargePointModel = try reader.string("chargePointModel", maxLength: 20)
        chargePointSerialNumber = try reader.optionalString("chargePointSerialNumber", maxLength: 25)
        chargeBoxSerialNumber = try reader.optionalString("chargeBoxSerialNumber", maxLength: 25)
        firmwareVersion = try reader.optionalString("firmwareVersion", maxLength: 50)
        iccid = try reader.optionalString("iccid", maxLength: 20)
        imsi = try reader.optionalString("imsi", maxLength: 20)
        meterType = try reader.optionalString("meterType", maxLength: 25)
        meterSerialNumber = try reader.optionalString("meterSerialNumber", maxLength: 25)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("chargePointVendor", chargePointVendor)
        writer.write("chargePointModel", chargePointModel)
        writer.write("chargePointSerialNumber", chargePointSerialNumber)
        writer.write("chargeBoxSerialNumber", chargeBoxSerialNumber)
        writer.write("firmwareVersion", firmwareVersion)
        writer.write("iccid", iccid)
        writer.write("imsi", imsi)
        writer.write("meterType", meterType)
        writer.write("meterSerialNumber", meterSerialNumber)
    }
}

/// BootNotification.conf: the answer to `BootNotificationRequest`.
public struct BootNotificationConfirmation: OCPPPayload {
    public var status: RegistrationStatus
    public var currentTime: Date
    public var interval: Int

    public init(status: RegistrationStatus, currentTime: Date, interval: Int) {
        self.status = status
        self.currentTime = currentTime
        self.interval = interval
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
        currentTime = try reader.dateTime("currentTime")
        interval = try reader.integer("interval")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
        writer.write("currentTime", dateTime: currentTime)
        writer.write("interval", interval)
    }
}
