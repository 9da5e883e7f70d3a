/// Why TLS could not be set up at start-up; each message names the setting, the file and the
/// reason, e.g. `central.tls.privateKey: /ssl/privkey.pem: the key does not match the certificate`.
public enum TLSConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `no such file`.
    case fileNotFound(setting: String, path: String)
    /// The file exists but cannot be read; `reason` is the system's ("permission denied").
    case fileUnreadable(setting: String, path: String, reason: String)
    /// The file holds no PEM certificate (garbage, DER, a key).
    case noCertificate(setting: String, path: String)
    /// The file holds no unencrypted PEM private key.
    case noPrivateKey(setting: String, path: String)
    /// The key is not the one of the chain's first certificate.
    case keyMismatch(setting: String, path: String)
    /// The certificate is not a CA's (no basicConstraints CA:TRUE), so it cannot sign certificates.
    case notACertificateAuthority(setting: String, path: String)
    /// OpenSSL refused something not tied to a file (out of memory, no usable ciphers).
    case openSSL(reason: String)

    /// The one-line message for the log and the terminal.
    public var description: String {
        switch self {
        case .fileNotFound(let setting, let path):
            return "\(setting): \(path): no such file"
        case .fileUnreadable(let setting, let path, let reason):
            return "\(setting): \(path): cannot read the file: \(reason)"
        case .noCertificate(let setting, let path):
            return "\(setting): \(path): no PEM certificate in the file"
        case .noPrivateKey(let setting, let path):
            return "\(setting): \(path): no PEM private key in the file (or the key is encrypted)"
        case .keyMismatch(let setting, let path):
            return "\(setting): \(path): the key does not match the certificate"
        case .notACertificateAuthority(let setting, let path):
            return "\(setting): \(path): not a CA certificate (it needs basicConstraints CA:TRUE to sign certificates)"
        case .openSSL(let reason):
            return "TLS setup failed: \(reason)"
        }
    }
}
