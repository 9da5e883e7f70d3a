import Foundation

/// The firmware a SignedUpdateFirmware installs (the whitepaper's FirmwareType): where to fetch
/// it, when, and the certificate and signature the charger checks it with.
public struct SignedFirmware: OCPPObjectCodable {
    public var location: String
    public var retrieveDateTime: Date
    public var installDateTime: Date?
    public var signingCertificate: String
    public var signature: String

    public init(
        location: String, retrieveDateTime: Date, installDateTime: Date? = nil, signingCertificate: String,
        signature: String
    ) {
        self.location = location
        self.retrieveDateTime = retrieveDateTime
        self.installDateTime = installDateTime
        self.signingCertificate = signingCertificate
        self.signature = signature
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        location = try reader.string("location", maxLength: 512)
        retrieveDateTime = try reader.dateTime("retrieveDateTime")
        installDateTime = try reader.optionalDateTime("installDateTime")
        signingCertificate = try reader.string("signingCertificate", maxLength: 5500)
        signature = try reader.string("signature", maxLength: 800)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("location", location)
        writer.write("retrieveDateTime", dateTime: retrieveDateTime)
        writer.write("installDateTime", dateTime: installDateTime)
        writer.write("signingCertificate", signingCertificate)
        writer.write("signature", signature)
    }
}
