import CLinux
import Logging

extension Connection {
    /// Sends what OpenSSL produced (handshake records, alerts, encrypted data, close_notify).
    func sendTLSOutput() {
        guard let tls else { return }
        let buffer = loop.outputBuffer
        while state != .closed && tls.pendingOutputCount > 0 {
            let count = tls.takeOutput(into: buffer)
            guard count > 0 else { return }
            sendToSocket(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Feeds ciphertext to OpenSSL, advances the handshake, and hands any plaintext to the
    /// handler. Plaintext goes through the loop's read buffer: the ciphertext already sits in
    /// OpenSSL's input BIO, so the buffer is free again.
    func receiveCiphertext(_ ciphertext: UnsafeRawBufferPointer) {
        guard let tls else { return }
        guard tls.receive(ciphertext) else {
            fail(.tls(reason: "cannot buffer TLS input"))
            return
        }
        if state == .handshaking {
            guard continueHandshake() else { return }
        }
        let buffer = loop.readBuffer
        while state == .open {
            switch tls.read(into: buffer) {
            case .plaintext(let count):
                handler?.connection(self, didReceive: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            case .needsMoreData:
                // Reading can produce records too (TLS 1.3 key updates and tickets).
                sendTLSOutput()
                tls.releaseLargeInputBuffer(scratch: loop.outputBuffer)
                return
            case .closed:
                close()
                return
            case .failed(let reason):
                sendTLSOutput()
                fail(.tls(reason: reason))
                return
            }
        }
    }

    /// Advances the TLS handshake with what OpenSSL has (a client's first call sends its hello);
    /// true once the connection is open and the handler told.
    func continueHandshake() -> Bool {
        guard let tls else { return false }
        switch tls.handshake() {
        case .needsMoreData:
            sendTLSOutput()
            return false
        case .failed(let reason):
            // Send the alert first: the peer then knows why (e.g. "protocol version").
            sendTLSOutput()
            if HandshakeFailureLog.shared.isFirst(reason, from: remoteAddress) {
                Connection.logger.info(
                    "TLS handshake with \(remoteAddress) failed: \(reason) (further failures from this host for this "
                        + "reason are logged at debug)")
            } else {
                Connection.logger.debug("TLS handshake with \(remoteAddress) failed: \(reason)")
            }
            fail(.tls(reason: reason))
            return false
        case .complete:
            sendTLSOutput()
            guard state == .handshaking else { return false }
            if let timer {
                loop.cancel(timer)
                self.timer = nil
            }
            state = .open
            peerCertificate = tls.verifiedPeerCertificate
            writePendingPlaintext()
            guard state == .open else { return false }
            handler?.connectionDidOpen(self)
            return state == .open
        }
    }
}
