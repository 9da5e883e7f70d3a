/// SignCertificate.req: Sent by the charge point; asks the central system to have its certificate signing request (CSR, PEM) signed (security whitepaper).
public struct SignCertificateRequest: OCPPRequest {
    public typealias Confirmation = SignCertificateConfirmation
    public static let action = OCPPAction.signCertificate

    public var csr: String

    public init(csr: String) {
        self.csr = csr
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        csr = try reader.string("csr", maxLength: 5500)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("csr", csr)
    }
}

/// SignCertificate.conf: the answer to `SignCertificateRequest`.
public struct SignCertificateConfirmation: OCPPPayload {
    public var status: SignCertificateStatus

    public init(status: SignCertificateStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
