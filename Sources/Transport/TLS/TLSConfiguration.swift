/// Where the server's certificate chain and private key are (PEM files), and the configuration
/// keys they came from, which error messages name (`central.tls.privateKey: /ssl/privkey.pem: ...`).
public struct TLSConfiguration: Sendable, Equatable {
    /// The server certificate first, then intermediates (`fullchain.pem`).
    public var certificateChainPath: String
    /// The private key of the first certificate, unencrypted PEM (PKCS#8 or traditional).
    public var privateKeyPath: String
    /// The setting the chain path came from, used as the prefix of error messages.
    public var certificateSetting: String
    /// The setting the key path came from, used as the prefix of error messages.
    public var privateKeySetting: String

    /// The setting names default to the configuration keys of docs/configuration.md.
    public init(
        certificateChainPath: String, privateKeyPath: String,
        certificateSetting: String = "central.tls.certificate",
        privateKeySetting: String = "central.tls.privateKey"
    ) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.certificateSetting = certificateSetting
        self.privateKeySetting = privateKeySetting
    }
}
