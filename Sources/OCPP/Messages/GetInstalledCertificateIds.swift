/// GetInstalledCertificateIds.req: Sent by the central system; asks which root certificates of a kind the charger holds.
public struct GetInstalledCertificateIdsRequest: OCPPRequest {
    public typealias Confirmation = GetInstalledCertificateIdsConfirmation
    public static let action = OCPPAction.getInstalledCertificateIds

    public var certificateType: CertificateUse

    public init(certificateType: CertificateUse) {
        self.certificateType = certificateType
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        certificateType = try reader.enumeration("certificateType")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("certificateType", certificateType)
    }
}

/// GetInstalledCertificateIds.conf: the answer to `GetInstalledCertificateIdsRequest`.
public struct GetInstalledCertificateIdsConfirmation: OCPPPayload {
    public var status: GetInstalledCertificateStatus
    /// One entry per certificate found; absent when there is none.
    public var certificateHashData: [CertificateHashData]?

    public init(status: GetInstalledCertificateStatus, certificateHashData: [CertificateHashData]? = nil) {
        self.status = status
        self.certificateHashData = certificateHashData
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        certificateHashData = try reader.optionalArray("certificateHashData", minItems: 1)
        status = try reader.enumeration("status")
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("certificateHashData", certificateHashData)
        writer.write("status", status)
    }
}
