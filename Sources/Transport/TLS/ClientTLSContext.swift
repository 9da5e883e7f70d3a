import COpenSSL

/// The TLS settings of outgoing connections (`EventLoopGroup.connect`): TLS 1.2 minimum, the
/// peer's certificate verified against the system's CA store (`SSL_CTX_set_default_verify_paths`,
/// Debian's /etc/ssl/certs) or against the certificates of one PEM file, and its name checked
/// against the host connected to (`SSL_set1_host`, or the IP address for a numeric host), which
/// is also sent as SNI. Made once and shared by every connection.
public final class ClientTLSContext: @unchecked Sendable {
    // Sendable: a configured SSL_CTX may be used from many threads at once (SSL_new locks
    // internally); nothing mutates it after init.
    let context: OpaquePointer
    /// The PEM file whose certificates are trusted instead of the system's store, if any.
    public let trustedCertificatesPath: String?

    /// `trustedCertificatesPath`: trust only the certificates in this PEM file (a private CA, a
    /// device's self-signed certificate) instead of the system's store. `setting` names the
    /// configuration key in error messages (`sources.meter.ca: /etc/meter.pem: no such file`).
    public init(trustedCertificatesPath: String? = nil, setting: String = "ca") throws(TLSConfigurationError) {
        self.trustedCertificatesPath = trustedCertificatesPath
        var trusted: [OpaquePointer] = []
        if let trustedCertificatesPath {
            let pem = try PEMFile.read(path: trustedCertificatesPath, setting: setting)
            trusted = PEMCertificates.parse(pem)
            guard !trusted.isEmpty else { throw .noCertificate(setting: setting, path: trustedCertificatesPath) }
        }
        defer { trusted.forEach { X509_free($0) } }
        OpenSSLErrorQueue.clear()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "SSL_CTX_new failed"))
        }
        _ = ampwise_SSL_CTX_set_min_proto_version(context, ampwise_TLS1_2_VERSION())
        _ = ampwise_SSL_CTX_set_options(
            context, ampwise_SSL_OP_NO_COMPRESSION() | ampwise_SSL_OP_NO_RENEGOTIATION())
        _ = ampwise_SSL_CTX_set_mode(context, ampwise_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER())
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if trusted.isEmpty {
            guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                SSL_CTX_free(context)
                throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "cannot load the system's CA store"))
            }
        } else {
            let store = SSL_CTX_get_cert_store(context)
            for certificate in trusted where X509_STORE_add_cert(store, certificate) != 1 {
                // A certificate listed twice is refused as a duplicate: harmless.
                OpenSSLErrorQueue.clear()
            }
        }
        self.context = context
    }

    deinit {
        SSL_CTX_free(context)
    }
}
