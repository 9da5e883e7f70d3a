extension AmpwiseConfiguration {
    /// `central.tls`: PEM files for `wss://` (certificate and key are required when `tls` is
    /// present), the client CAs of security profile 3, and the `wss://` port beside `ws://`
    /// (docs/security.md).
    public struct TLS: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String
        /// PEM file of the CAs whose client certificates are trusted (security profile 3).
        public var clientCA: String?
        /// Set: `central.port` serves `ws://` and this port `wss://`, side by side.
        public var port: Int?
        /// The CA that signs chargers' certificate signing requests (`central.tls.ca`).
        public var ca: CertificateAuthorityFiles?

        public init(
            certificate: String, privateKey: String, clientCA: String? = nil, port: Int? = nil,
            ca: CertificateAuthorityFiles? = nil
        ) {
            self.certificate = certificate
            self.privateKey = privateKey
            self.clientCA = clientCA
            self.port = port
            self.ca = ca
        }
    }
}
