import COpenSSL
import Glibc

/// A blocking TLS client for tests, on top of a `BlockingSocket`: handshakes, sends and
/// receives plaintext, and reports OpenSSL's reason when something fails.
public final class BlockingTLSClient {
    public let socket: BlockingSocket
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// TLS protocol versions a test can pin the client to.
    public enum Version: Sendable {
        case tls11, tls12, tls13
    }

    /// - Parameters:
    ///   - trustedCertificatePath: verify the server against this PEM certificate; nil turns
    ///     verification off.
    ///   - version: pin the client to one protocol version; nil allows TLS 1.2 and 1.3.
    ///   - cipherList: offer only these TLS 1.2 suites (an OpenSSL cipher list, `AES128-SHA`).
    ///   - clientCertificate: a certificate and its key (PEM paths) to present when the server asks.
    public init(
        port: Int, trustedCertificatePath: String?, version: Version? = nil, cipherList: String? = nil,
        clientCertificate: (certificate: String, key: String)? = nil
    ) throws {
        socket = try BlockingSocket(port: port)
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Failure(reason: "SSL_CTX_new") }
        self.context = context
        if let clientCertificate {
            guard SSL_CTX_use_certificate_chain_file(context, clientCertificate.certificate) == 1,
                SSL_CTX_use_PrivateKey_file(context, clientCertificate.key, SSL_FILETYPE_PEM) == 1
            else {
                SSL_CTX_free(context)
                throw Failure(reason: "cannot load \(clientCertificate.certificate)")
            }
        }
        if let trustedCertificatePath {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            guard SSL_CTX_load_verify_locations(context, trustedCertificatePath, nil) == 1 else {
                SSL_CTX_free(context)
                throw Failure(reason: "cannot load \(trustedCertificatePath)")
            }
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        }
        if let version {
            let number: Int32
            switch version {
            case .tls11:
                number = ampwise_TLS1_1_VERSION()
                // OpenSSL 3 refuses TLS 1.1 at its default security level: lower it so the
                // client really offers 1.1 and the test shows the server's refusal.
                SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0")
            case .tls12: number = ampwise_TLS1_2_VERSION()
            case .tls13: number = TLS1_3_VERSION
            }
            _ = ampwise_SSL_CTX_set_min_proto_version(context, number)
            _ = ampwise_SSL_CTX_set_max_proto_version(context, number)
        }
        if let cipherList {
            // At security level 0 so that OpenSSL 3 really offers old suites and the test sees the
            // server's refusal, not the client's.
            guard SSL_CTX_set_cipher_list(context, cipherList + ":@SECLEVEL=0") == 1 else {
                SSL_CTX_free(context)
                throw Failure(reason: "no usable cipher in \(cipherList)")
            }
        }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw Failure(reason: "SSL_new")
        }
        self.ssl = ssl
        SSL_set_fd(ssl, socket.fd)
        _ = ampwise_SSL_set_tlsext_host_name(ssl, "localhost")
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    public func handshake() throws(Failure) {
        ERR_clear_error()
        let result = SSL_connect(ssl)
        guard result == 1 else { throw failure(result) }
    }

    /// The negotiated version, "TLSv1.3".
    public var version: String { String(cString: SSL_get_version(ssl)) }

    /// The negotiated suite in OpenSSL's spelling, "ECDHE-RSA-AES128-GCM-SHA256".
    public var cipher: String { String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }

    public func send(_ bytes: [UInt8]) throws(Failure) {
        ERR_clear_error()
        let result = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
        guard result == Int32(bytes.count) else { throw failure(result) }
    }

    public func receive(exactly count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            ERR_clear_error()
            let result = bytes.withUnsafeMutableBytes {
                SSL_read(ssl, $0.baseAddress! + received, Int32(count - received))
            }
            guard result > 0 else { throw failure(result) }
            received += Int(result)
        }
        return bytes
    }

    /// Reads until the server's close_notify; returns the plaintext received before it.
    public func receiveUntilClosed() throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            ERR_clear_error()
            let result = chunk.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if result > 0 {
                bytes.append(contentsOf: chunk[0..<Int(result)])
            } else if SSL_get_error(ssl, result) == SSL_ERROR_ZERO_RETURN {
                return bytes
            } else {
                throw failure(result)
            }
        }
    }

    /// Sends close_notify.
    public func shutdown() {
        _ = SSL_shutdown(ssl)
    }

    private func failure(_ result: Int32) -> Failure {
        let code = SSL_get_error(ssl, result)
        var reasons: [String] = []
        while case let error = ERR_get_error(), error != 0 {
            if let reason = ERR_reason_error_string(error) { reasons.append(String(cString: reason)) }
        }
        if reasons.isEmpty {
            switch code {
            case SSL_ERROR_ZERO_RETURN: reasons.append("closed by the peer (close_notify)")
            case SSL_ERROR_SYSCALL: reasons.append("connection closed or reset (\(String(cString: strerror(errno))))")
            default: reasons.append("SSL error \(code)")
            }
        }
        return Failure(reason: reasons.joined(separator: "; "))
    }
}
