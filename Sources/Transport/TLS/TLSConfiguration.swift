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
    /// PEM certificates of the CAs whose client certificates are trusted (OCPP security profile 3):
    /// when set, the server asks every client for a certificate and refuses the handshake when one
    /// is sent that does not verify against these (chain, expiry); a client that sends none still
    /// connects, and the layer above decides (docs/security.md).
    public var clientCertificateAuthoritiesPath: String?
    /// The setting the client CA path came from.
    public var clientCertificateAuthoritiesSetting: String

    /// The setting names default to the configuration keys of docs/configuration.md.
    public init(
        certificateChainPath: String, privateKeyPath: String,
        certificateSetting: String = "central.tls.certificate",
        privateKeySetting: String = "central.tls.privateKey",
        clientCertificateAuthoritiesPath: String? = nil,
        clientCertificateAuthoritiesSetting: String = "central.tls.clientCA"
    ) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.certificateSetting = certificateSetting
        self.privateKeySetting = privateKeySetting
        self.clientCertificateAuthoritiesPath = clientCertificateAuthoritiesPath
        self.clientCertificateAuthoritiesSetting = clientCertificateAuthoritiesSetting
    }
}
