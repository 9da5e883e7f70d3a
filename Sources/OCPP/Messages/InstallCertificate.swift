/// InstallCertificate.req: Sent by the central system; installs a root certificate on the charger.
public struct InstallCertificateRequest: OCPPRequest {
    public typealias Confirmation = InstallCertificateConfirmation
    public static let action = OCPPAction.installCertificate

    public var certificateType: CertificateUse
    public var certificate: String

    public init(certificateType: CertificateUse, certificate: String) {
        self.certificateType = certificateType
        self.certificate = certificate
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        certificateType = try reader.enumeration("certificateType")
        certificate = try reader.string("certificate", maxLength: 5500)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("certificateType", certificateType)
        writer.write("certificate", certificate)
    }
}

/// InstallCertificate.conf: the answer to `InstallCertificateRequest`.
public struct InstallCertificateConfirmation: OCPPPayload {
    public var status: InstallCertificateStatus

    public init(status: InstallCertificateStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
