/// Identifies an installed certificate (security whitepaper, edition 3): the hashes of its
/// issuer's name and public key, in hex, and its serial number, in hex.
public struct CertificateHashData: OCPPObjectCodable {
    public var hashAlgorithm: HashAlgorithm
    public var issuerNameHash: String
    public var issuerKeyHash: String
    public var serialNumber: String

    public init(hashAlgorithm: HashAlgorithm, issuerNameHash: String, issuerKeyHash: String, serialNumber: String) {
        self.hashAlgorithm = hashAlgorithm
        self.issuerNameHash = issuerNameHash
        self.issuerKeyHash = issuerKeyHash
        self.serialNumber = serialNumber
    }

    public init(from reader: inout OCPPObjectReader) throws(OCPPValidationError) {
        hashAlgorithm = try reader.enumeration("hashAlgorithm")
        issuerNameHash = try reader.string("issuerNameHash", maxLength: 128)
        issuerKeyHash = try reader.string("issuerKeyHash", maxLength: 128)
        serialNumber = try reader.string("serialNumber", maxLength: 40)
    }

    public func encode(to writer: inout OCPPObjectWriter) {
        writer.write("hashAlgorithm", hashAlgorithm)
        writer.write("issuerNameHash", issuerNameHash)
        writer.write("issuerKeyHash", issuerKeyHash)
        writer.write("serialNumber", serialNumber)
    }
}
