/// DeleteCertificate.req: Sent by the central system; removes an installed root certificate.
public struct DeleteCertificateRequest: OCPPRequest {
    public typealias Confirmation = DeleteCertificateConfirmation
    public static let action = OCPPAction.deleteCertificate

    public var certificateHashData: CertificateHashData

    public init(certificateHashData: CertificateHashData) {
        self.certificateHashData = certificateHashData
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        certificateHashData = try reader.object("certificateHashData")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("certificateHashData", certificateHashData)
    }
}

/// DeleteCertificate.conf: the answer to `DeleteCertificateRequest`.
public struct DeleteCertificateConfirmation: OCPPPayload {
    public var status: DeleteCertificateStatus

    public init(status: DeleteCertificateStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
