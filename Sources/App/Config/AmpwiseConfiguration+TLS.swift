extension AmpwiseConfiguration {
    /// `central.tls`: PEM files for `wss://`. Both are required when `tls` is present.
    public struct TLS: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String

        public init(certificate: String, privateKey: String) {
            self.certificate = certificate
            self.privateKey = privateKey
        }
    }
}
