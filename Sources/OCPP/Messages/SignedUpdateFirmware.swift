/// SignedUpdateFirmware.req: Sent by the central system; asks the charger to fetch, check and install signed firmware.
public struct SignedUpdateFirmwareRequest: OCPPRequest {
    public typealias Confirmation = SignedUpdateFirmwareConfirmation
    public static let action = OCPPAction.signedUpdateFirmware

    public var retries: Int?
    public var retryInterval: Int?
    public var requestId: Int
    public var firmware: SignedFirmware

    public init(retries: Int? = nil, retryInterval: Int? = nil, requestId: Int, firmware: SignedFirmware) {
        self.retries = retries
        self.retryInterval = retryInterval
        self.requestId = requestId
        self.firmware = firmware
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        retries = try reader.optionalInteger("retries")
        retryInterval = try reader.optionalInteger("retryInterval")
        requestId = try reader.integer("requestId")
        firmware = try reader.object("firmware")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("retries", retries)
        writer.write("retryInterval", retryInterval)
        writer.write("requestId", requestId)
        writer.write("firmware", firmware)
    }
}

/// SignedUpdateFirmware.conf: the answer to `SignedUpdateFirmwareRequest`.
public struct SignedUpdateFirmwareConfirmation: OCPPPayload {
    public var status: SignedUpdateFirmwareStatus

    public init(status: SignedUpdateFirmwareStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
