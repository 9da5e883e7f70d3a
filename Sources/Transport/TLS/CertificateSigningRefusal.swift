/// Why the certificate authority did not sign a charger's certificate signing request; the
/// description is the reason the log and the audit trail give (docs/security.md).
public enum CertificateSigningRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text holds no PEM certificate signing request (`-----BEGIN CERTIFICATE REQUEST-----`).
    case notARequest
    /// The request's signature does not verify with the public key inside it: it was not made
    /// with the key it asks a certificate for.
    case badSignature
    /// The subject's commonNames are not exactly the charger's id.
    case commonNameMismatch(found: [String], chargerId: String)
    /// The subject has no organizationName.
    case noOrganization
    /// The key is shorter than Ampwise signs (RSA and DSA 2048 bits, elliptic curves 224).
    case weakKey(String)
    /// OpenSSL failed while making the certificate.
    case openSSL(String)

    public var description: String {
        switch self {
        case .notARequest:
            return "not a PEM certificate signing request"
        case .badSignature:
            return "the request's signature does not verify with its own public key"
        case .commonNameMismatch(let found, let chargerId):
            switch found.count {
            case 0: return "the subject has no commonName (CN); it must be the charger id \(chargerId)"
            case 1: return "the subject's commonName (CN) is \(found[0]), not the charger id \(chargerId)"
            default: return "the subject has \(found.count) commonNames (CN); it must have one, the charger id"
            }
        case .noOrganization:
            return "the subject has no organizationName (O); the charger puts its CpoName there"
        case .weakKey(let reason):
            return "the key is too weak: \(reason)"
        case .openSSL(let reason):
            return "signing failed: \(reason)"
        }
    }
}
