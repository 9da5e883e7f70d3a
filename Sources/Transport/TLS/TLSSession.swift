import COpenSSL

/// The TLS state of one server connection. OpenSSL never touches the socket: ciphertext read
/// from the socket is fed into a memory BIO, and what OpenSSL wants to send is taken from
/// another one, so the loop keeps doing all I/O on its non-blocking socket.
final class TLSSession {
    private let ssl: OpaquePointer
    /// Ciphertext from the network, for OpenSSL to read.
    private var networkInput: OpaquePointer
    /// Ciphertext from OpenSSL, for the network.
    private let networkOutput: OpaquePointer

    /// The most plaintext given to OpenSSL at once: one record, so the output BIO never grows
    /// past a record before its content moves on to the socket (memory BIOs never shrink).
    static let maximumPlaintextPerWrite = 16 * 1024
    /// An input BIO that grew past this (a burst of large messages) is replaced once drained.
    static let inputCapacityLimit = 32 * 1024

    enum HandshakeProgress: Equatable {
        case complete
        case needsMoreData
        case failed(reason: String)
    }

    enum ReadResult: Equatable {
        case plaintext(count: Int)
        case needsMoreData
        /// The peer sent close_notify.
        case closed
        case failed(reason: String)
    }

    /// A server session.
    convenience init?(context: TLSContext) {
        guard let ssl = SSL_new(context.context) else { return nil }
        SSL_set_accept_state(ssl)
        self.init(ssl: ssl)
    }

    /// A client session that verifies the peer's certificate against `serverName` (a DNS name,
    /// also sent as SNI, or an IP address, checked against the certificate's IP entries).
    convenience init?(context: ClientTLSContext, serverName: String) {
        guard let ssl = SSL_new(context.context) else { return nil }
        let isIPAddress = serverName.contains(":") || serverName.allSatisfy { $0.isNumber || $0 == "." }
        let named =
            isIPAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName) == 1
            : SSL_set1_host(ssl, serverName) == 1 && ampwise_SSL_set_tlsext_host_name(ssl, serverName) == 1
        guard named else {
            OpenSSLErrorQueue.clear()
            SSL_free(ssl)
            return nil
        }
        SSL_set_connect_state(ssl)
        self.init(ssl: ssl)
    }

    private init?(ssl: OpaquePointer) {
        guard let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            return nil
        }
        // The SSL object owns both BIOs from here on.
        SSL_set_bio(ssl, input, output)
        self.ssl = ssl
        self.networkInput = input
        self.networkOutput = output
    }

    deinit {
        SSL_free(ssl)
    }

    /// Hands ciphertext read from the socket to OpenSSL.
    func receive(_ ciphertext: UnsafeRawBufferPointer) -> Bool {
        guard let base = ciphertext.baseAddress, !ciphertext.isEmpty else { return true }
        return BIO_write(networkInput, base, Int32(ciphertext.count)) == Int32(ciphertext.count)
    }

    func handshake() -> HandshakeProgress {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return .complete }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needsMoreData
        default:
            let reason = OpenSSLErrorQueue.drain(fallback: "handshake failed")
            // A client's failed verification says why ("hostname mismatch", "self-signed
            // certificate"); the error queue only says "certificate verify failed".
            let verification = SSL_get_verify_result(ssl)
            guard verification != X509_V_OK, let text = X509_verify_cert_error_string(verification) else {
                return .failed(reason: reason)
            }
            return .failed(reason: "\(reason): \(String(cString: text))")
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        OpenSSLErrorQueue.clear()
        let result = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        if result > 0 { return .plaintext(count: Int(result)) }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needsMoreData
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            return .failed(reason: OpenSSLErrorQueue.drain(fallback: "read failed"))
        }
    }

    /// Encrypts plaintext into the output BIO; a memory BIO always takes everything, so this
    /// only fails on a broken session. Returns the OpenSSL reason on failure.
    func write(_ plaintext: UnsafeRawBufferPointer) -> String? {
        guard let base = plaintext.baseAddress else { return nil }
        var offset = 0
        OpenSSLErrorQueue.clear()
        while offset < plaintext.count {
            let chunk = Int32(min(plaintext.count - offset, Int(Int32.max)))
            let result = SSL_write(ssl, base + offset, chunk)
            guard result > 0 else { return OpenSSLErrorQueue.drain(fallback: "write failed") }
            offset += Int(result)
        }
        return nil
    }

    /// Memory BIOs keep their largest size for good: after a burst, swap the input BIO for a
    /// fresh one (carrying over a partial record) so 10,000 idle connections stay small.
    /// `scratch` must hold a record (the loop's output buffer).
    func releaseLargeInputBuffer(scratch: UnsafeMutableRawBufferPointer) {
        guard ampwise_BIO_mem_capacity(networkInput) > TLSSession.inputCapacityLimit else { return }
        let pending = ampwise_BIO_pending(networkInput)
        guard pending <= scratch.count, let fresh = BIO_new(BIO_s_mem()) else { return }
        if pending > 0 {
            let moved = BIO_read(networkInput, scratch.baseAddress, Int32(pending))
            if moved > 0 { BIO_write(fresh, scratch.baseAddress, moved) }
        }
        // SSL_set0_rbio frees the old BIO.
        SSL_set0_rbio(ssl, fresh)
        networkInput = fresh
    }

    /// Bytes the input BIO holds allocated (for tests of `releaseLargeInputBuffer`).
    var inputBufferCapacity: Int { ampwise_BIO_mem_capacity(networkInput) }

    /// Queues our close_notify.
    func shutdown() {
        OpenSSLErrorQueue.clear()
        _ = SSL_shutdown(ssl)
        OpenSSLErrorQueue.clear()
    }

    /// Ciphertext waiting to be sent.
    var pendingOutputCount: Int { ampwise_BIO_pending(networkOutput) }

    /// Moves up to `buffer.count` bytes of ciphertext to `buffer`; returns how many.
    func takeOutput(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = BIO_read(networkOutput, buffer.baseAddress, Int32(buffer.count))
        return count > 0 ? Int(count) : 0
    }

    /// The client's certificate, when it sent one and it verified against the trusted client CAs.
    /// (A server that trusts no client CA does not ask for one, so this is nil.)
    var verifiedPeerCertificate: PeerCertificate? {
        guard let certificate = SSL_get0_peer_certificate(ssl), SSL_get_verify_result(ssl) == X509_V_OK else {
            return nil
        }
        return PeerCertificate(reading: certificate)
    }

    /// The negotiated protocol ("TLSv1.3"), for logs and tests.
    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }
}
