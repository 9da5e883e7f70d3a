import COpenSSL

/// A server TLS context: the certificate chain and key, loaded and checked once at start-up,
/// shared by every TLS connection. TLS 1.2 minimum, no compression, no renegotiation, the
/// server's cipher preference, AEAD ciphers only, those with forward secrecy first.
public final class TLSContext: @unchecked Sendable {
    // Sendable: OpenSSL allows one fully configured SSL_CTX to be used from many threads at once
    // (SSL_new and the session cache lock internally); nothing mutates it after init.
    let context: OpaquePointer
    public let configuration: TLSConfiguration

    /// The TLS 1.2 suites, for chargers that cannot do 1.3 (whose suites keep OpenSSL's defaults,
    /// all AEAD): ECDHE with AES-GCM or ChaCha20-Poly1305, then TLS_RSA_WITH_AES_128_GCM_SHA256 and
    /// TLS_RSA_WITH_AES_256_GCM_SHA384 (`kRSA+AESGCM`), which the OCPP 1.6 security white paper has
    /// the Central System support for chargers that implement only those two (the OCPP compliance
    /// test TC_086 checks for all four). Nothing with CBC or a SHA-1 MAC: a client that offers only
    /// `AES128-SHA` fails the handshake. docs/configuration.md lists them.
    static let cipherList = "ECDHE+AESGCM:ECDHE+CHACHA20:kRSA+AESGCM:!aNULL:!eNULL"

    /// Loads and checks the files; throws the error that names the setting, the file and the
    /// reason: missing, unreadable, no certificate, no key, key not matching the certificate.
    public init(configuration: TLSConfiguration) throws(TLSConfigurationError) {
        self.configuration = configuration
        let chain = try PEMFile.read(
            path: configuration.certificateChainPath, setting: configuration.certificateSetting)
        let key = try PEMFile.read(path: configuration.privateKeyPath, setting: configuration.privateKeySetting)
        OpenSSLErrorQueue.clear()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "SSL_CTX_new failed"))
        }
        do {
            try TLSContext.configure(context)
            try TLSContext.useCertificateChain(chain, in: context, configuration: configuration)
            try TLSContext.usePrivateKey(key, in: context, configuration: configuration)
            if let path = configuration.clientCertificateAuthoritiesPath {
                try TLSContext.requestClientCertificates(
                    trusting: path, setting: configuration.clientCertificateAuthoritiesSetting, in: context)
            }
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.context = context
    }

    deinit {
        SSL_CTX_free(context)
    }

    private static func configure(_ context: OpaquePointer) throws(TLSConfigurationError) {
        _ = ampwise_SSL_CTX_set_min_proto_version(context, ampwise_TLS1_2_VERSION())
        _ = ampwise_SSL_CTX_set_options(
            context,
            ampwise_SSL_OP_NO_COMPRESSION() | ampwise_SSL_OP_NO_RENEGOTIATION()
                | ampwise_SSL_OP_CIPHER_SERVER_PREFERENCE())
        _ = ampwise_SSL_CTX_set_mode(
            context, ampwise_SSL_MODE_RELEASE_BUFFERS() | ampwise_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER())
        guard SSL_CTX_set_cipher_list(context, cipherList) == 1 else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "no usable cipher"))
        }
    }

    private static func useCertificateChain(
        _ pem: [UInt8], in context: OpaquePointer, configuration: TLSConfiguration
    ) throws(TLSConfigurationError) {
        let noCertificate = TLSConfigurationError.noCertificate(
            setting: configuration.certificateSetting, path: configuration.certificateChainPath)
        let certificates = PEMCertificates.parse(pem)
        guard let leaf = certificates.first else { throw noCertificate }
        defer { X509_free(leaf) }
        guard SSL_CTX_use_certificate(context, leaf) == 1 else {
            certificates.dropFirst().forEach { X509_free($0) }
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "the certificate was refused"))
        }
        for intermediate in certificates.dropFirst() {
            // add0 takes ownership of the certificate.
            if ampwise_SSL_CTX_add0_chain_cert(context, intermediate) != 1 {
                X509_free(intermediate)
            }
        }
    }

    private static func usePrivateKey(
        _ pem: [UInt8], in context: OpaquePointer, configuration: TLSConfiguration
    ) throws(TLSConfigurationError) {
        let key = pem.withUnsafeBytes { bytes -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return ampwise_PEM_read_bio_PrivateKey(bio)
        }
        OpenSSLErrorQueue.clear()
        guard let key else {
            throw .noPrivateKey(setting: configuration.privateKeySetting, path: configuration.privateKeyPath)
        }
        defer { EVP_PKEY_free(key) }
        guard let leaf = SSL_CTX_get0_certificate(context), X509_check_private_key(leaf, key) == 1 else {
            OpenSSLErrorQueue.clear()
            throw .keyMismatch(setting: configuration.privateKeySetting, path: configuration.privateKeyPath)
        }
        guard SSL_CTX_use_PrivateKey(context, key) == 1 else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "the private key was refused"))
        }
    }

    /// Asks every client for a certificate signed by one of the CAs in `path` (their names go out
    /// in the CertificateRequest). `SSL_VERIFY_PEER` without `FAIL_IF_NO_PEER_CERT`: a client that
    /// sends a certificate that does not verify (unknown CA, expired, broken chain) fails the
    /// handshake, a client that sends none gets through, so that chargers of security profile 2
    /// share the port; the connection's `peerCertificate` tells the layer above which it was.
    private static func requestClientCertificates(
        trusting path: String, setting: String, in context: OpaquePointer
    ) throws(TLSConfigurationError) {
        // Read first for the errors that name the file; OpenSSL then loads it by path.
        let pem = try PEMFile.read(path: path, setting: setting)
        let certificates = PEMCertificates.parse(pem)
        certificates.forEach { X509_free($0) }
        guard !certificates.isEmpty else { throw .noCertificate(setting: setting, path: path) }
        guard SSL_CTX_load_verify_locations(context, path, nil) == 1, let names = SSL_load_client_CA_file(path) else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "cannot load \(setting) \(path)"))
        }
        SSL_CTX_set_client_CA_list(context, names)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // Resumed sessions keep the verified certificate; OpenSSL refuses to resume without a
        // session id context once peers are verified.
        let sessionContext = Array("ampwise".utf8)
        guard SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count)) == 1 else {
            throw .openSSL(reason: OpenSSLErrorQueue.drain(fallback: "cannot set the session id context"))
        }
    }
}
