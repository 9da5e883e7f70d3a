import TestSupport
import Testing
import Transport

@testable import Transport

@Suite struct TLSServerTests {
    /// A TLS echo server with a fresh self-signed certificate; the certificate's path is
    /// returned so clients can verify against it.
    static func makeServer(
        keyType: TestCertificates.KeyType = .p256, options: ServerOptions = ServerOptions(),
        clock: (any LoopClock)? = nil,
        makeHandler: @escaping @Sendable (Connection, ServerProbe) -> ConnectionHandler = { _, probe in
            ScriptedHandler(probe: probe)
        }
    ) throws -> (server: TestServer, certificate: String, files: TestCertificates) {
        let files = try TestCertificates()
        let (certificate, key) = try files.makeSelfSigned(keyType: keyType)
        let context = try TLSContext(
            configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        let server = try TestServer(tls: context, options: options, clock: clock, makeHandler: makeHandler)
        return (server, certificate, files)
    }

    @Test func echoesPlaintextOverAVerifiedTLSConnection() throws {
        let (server, certificate, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: certificate)
        try client.handshake()
        #expect(client.version == "TLSv1.3")
        try client.send(Array("hello over TLS".utf8))
        #expect(try client.receive(exactly: 14) == Array("hello over TLS".utf8))
        #expect(server.probe.recorded == ["open"])
        _ = files
    }

    @Test func acceptsTLS12WithAnRSACertificateForOlderChargers() throws {
        let (server, certificate, files) = try TLSServerTests.makeServer(keyType: .rsa2048)
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: certificate, version: .tls12)
        try client.handshake()
        #expect(client.version == "TLSv1.2")
        try client.send([1, 2, 3])
        #expect(try client.receive(exactly: 3) == [1, 2, 3])
        _ = files
    }

    /// A TLS 1.2 client gets ECDHE with AES-GCM or ChaCha20-Poly1305, or the two RSA-GCM suites
    /// the OCPP security white paper has a Central System support; a client that offers only CBC
    /// suites with a SHA-1 or SHA-256 MAC (`AES128-SHA` was accepted) fails the handshake.
    @Test(arguments: [
        ("ECDHE-RSA-AES128-GCM-SHA256", true), ("ECDHE-RSA-AES256-GCM-SHA384", true),
        ("ECDHE-RSA-CHACHA20-POLY1305", true), ("AES128-GCM-SHA256", true), ("AES256-GCM-SHA384", true),
        ("AES128-SHA", false), ("AES256-SHA", false), ("ECDHE-RSA-AES128-SHA", false),
        ("ECDHE-RSA-AES128-SHA256", false), ("DHE-RSA-AES128-GCM-SHA256", false),
    ])
    func tls12TakesOnlyAEADSuites(cipher: String, accepted: Bool) throws {
        let (server, certificate, files) = try TLSServerTests.makeServer(keyType: .rsa2048)
        defer { server.shutdown() }
        let client = try BlockingTLSClient(
            port: server.port, trustedCertificatePath: certificate, version: .tls12, cipherList: cipher)
        if accepted {
            try client.handshake()
            #expect(client.cipher == cipher)
        } else {
            let failure = #expect(throws: BlockingTLSClient.Failure.self) { try client.handshake() }
            #expect(failure?.reason == "sslv3 alert handshake failure")
        }
        _ = files
    }

    @Test func tls12WithAnECDSACertificateUsesECDHEAndAESGCM() throws {
        let (server, certificate, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: certificate, version: .tls12)
        try client.handshake()
        #expect(client.cipher == "ECDHE-ECDSA-AES256-GCM-SHA384")
        _ = files
    }

    @Test func refusesTLS11() throws {
        let (server, _, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: nil, version: .tls11)
        let failure = #expect(throws: BlockingTLSClient.Failure.self) { try client.handshake() }
        #expect(failure?.reason == "tlsv1 alert protocol version")
        #expect(server.probe.wait { $0.contains { $0.hasPrefix("close ") } })
        #expect(server.probe.recorded == ["close TLS error: unsupported protocol"])
        _ = files
    }

    @Test func largeWritesArriveCompleteThroughTLS() throws {
        let payload = TCPServerTests.pattern(3 * 1024 * 1024)
        let (server, _, files) = try TLSServerTests.makeServer { _, probe in
            ScriptedHandler(probe: probe) { connection in connection.write(payload) }
        }
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: nil)
        try client.handshake()
        #expect(try client.receive(exactly: payload.count) == payload)
        _ = files
    }

    @Test func aLargeUploadArrivesCompleteAndTheInputBufferShrinksAfterwards() throws {
        let upload = TCPServerTests.pattern(2 * 1024 * 1024)
        let expectedSum = upload.reduce(0) { $0 + Int($1) }
        let (server, _, files) = try TLSServerTests.makeServer { _, probe in
            var count = 0
            var sum = 0
            return ScriptedHandler(
                probe: probe,
                onReceive: { connection, bytes in
                    count += bytes.count
                    sum = bytes.reduce(sum) { $0 + Int($1) }
                    if count == upload.count {
                        probe.record("received \(count) bytes summing to \(sum)")
                        connection.write(Array("done".utf8))
                    }
                })
        }
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: nil)
        try client.handshake()
        try client.send(upload)
        #expect(try client.receive(exactly: 4) == Array("done".utf8))
        #expect(server.probe.recorded == ["open", "received \(upload.count) bytes summing to \(expectedSum)"])
        let capacity = server.onFirstConnection { $0.tls?.inputBufferCapacity ?? -1 }
        #expect(capacity.map { $0 >= 0 && $0 <= TLSSession.inputCapacityLimit } == true)
        _ = files
    }

    @Test func closeSendsCloseNotifyAfterTheQueuedData() throws {
        let (server, _, files) = try TLSServerTests.makeServer { _, probe in
            ScriptedHandler(
                probe: probe,
                onReceive: { connection, bytes in
                    connection.write(bytes)
                    connection.close()
                })
        }
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: nil)
        try client.handshake()
        try client.send(Array("last words".utf8))
        #expect(try client.receiveUntilClosed() == Array("last words".utf8))
        #expect(server.probe.wait(for: "close nil"))
        _ = files
    }

    @Test func theClientsCloseNotifyClosesTheConnection() throws {
        let (server, _, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: nil)
        try client.handshake()
        #expect(server.probe.wait(for: "open"))
        client.shutdown()
        #expect(server.probe.wait(for: "close nil"))
        _ = files
    }

    @Test func aClientThatNeverHandshakesIsDroppedAfterTheTimeout() async throws {
        let clock = ManualClock()
        let (server, _, files) = try TLSServerTests.makeServer(clock: clock)
        defer { server.shutdown() }
        let port = server.port
        async let received = offPool { try BlockingSocket(port: port).receiveUntilClosed() }
        await clock.waitForTimer(dueWithin: ServerOptions().tlsHandshakeTimeout)
        #expect(server.probe.recorded.isEmpty)
        clock.advance(by: ServerOptions().tlsHandshakeTimeout)
        #expect(try await received == [])
        let probe = server.probe
        #expect(try await offPool { probe.wait { !$0.isEmpty } })
        #expect(server.probe.recorded == ["close TLS handshake timed out"])
        _ = files
    }

    @Test func aPlaintextRequestToTheTLSPortIsClosed() throws {
        let (server, _, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let client = try BlockingSocket(port: server.port)
        try client.send("GET /CP1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        _ = try client.receiveUntilClosed()
        #expect(server.probe.wait { !$0.isEmpty })
        #expect(server.probe.recorded == ["close TLS error: http request"])
        _ = files
    }
}
