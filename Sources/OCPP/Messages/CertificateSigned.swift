/// CertificateSigned.req: Sent by the central system; delivers the charger's signed certificate, PEM, followed by the certificates of its chain.
public struct CertificateSignedRequest: OCPPRequest {
    public typealias Confirmation = CertificateSignedConfirmation
    public static let action = OCPPAction.certificateSigned

    public var certificateChain: String

    public init(certificateChain: String) {
        self.certificateChain = certificateChain
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        certificateChain = try reader.string("certificateChain", maxLength: 10000)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("certificateChain", certificateChain)
    }
}

/// CertificateSigned.conf: the answer to `CertificateSignedRequest`.
public struct CertificateSignedConfirmation: OCPPPayload {
    public var status: CertificateSignedStatus

    public init(status: CertificateSignedStatus) {
        self.status = status
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("status", status)
    }
}
