import Foundation

/// A certificate the certificate authority signed: what CertificateSigned sends, and what the
/// log says of it.
public struct IssuedCertificate: Sendable, Equatable {
    /// The new certificate then the CA's, PEM (the order CertificateSigned carries them in).
    public var chainPEM: String
    /// The new certificate's serial number, in hex.
    public var serialNumber: String
    /// The end of its validity.
    public var notAfter: Date
}
