import TestSupport
import Testing
import Transport

/// Security profile 3's transport half: a server that trusts client CAs verifies a client's
/// certificate during the handshake (chain, expiry) and tells the layer above its subject CN.
@Suite struct ClientCertificateTests {
    /// A TLS echo server that trusts `authority` for client certificates.
    static func makeServer(trusting authority: String, files: TestCertificates) throws -> (
        server: TestServer, certificate: String
    ) {
        let (certificate, key) = try files.makeSelfSigned()
        let context = try TLSContext(
            configuration: TLSConfiguration(
                certificateChainPath: certificate, privateKeyPath: key, clientCertificateAuthoritiesPath: authority))
        return (try TestServer(tls: context), certificate)
    }

    @Test func aCertificateFromTheTrustedAuthorityIsVerifiedAndItsCommonNameKept() throws {
        let files = try TestCertificates()
        let authority = try files.makeAuthority(name: "chargers-ca")
        let charger = try files.issue(name: "cp1", subject: "/O=Ampwise/CN=CP-1", by: authority)
        let (server, certificate) = try ClientCertificateTests.makeServer(trusting: authority.certificate, files: files)
        defer { server.shutdown() }
        let client = try BlockingTLSClient(
            port: server.port, trustedCertificatePath: certificate, clientCertificate: charger)
        try client.handshake()
        try client.send([1])
        #expect(try client.receive(exactly: 1) == [1])
        #expect(server.probe.wait(for: "open"))
        let peer = server.onFirstConnection { $0.peerCertificate }
        #expect(peer == PeerCertificate(subjectCommonNames: ["CP-1"]))
        #expect(peer??.commonName == "CP-1")
    }

    @Test func aClientWithoutACertificateConnectsWithNone() throws {
        let files = try TestCertificates()
        let authority = try files.makeAuthority(name: "chargers-ca")
        let (server, certificate) = try ClientCertificateTests.makeServer(trusting: authority.certificate, files: files)
        defer { server.shutdown() }
        let client = try BlockingTLSClient(port: server.port, trustedCertificatePath: certificate)
        try client.handshake()
        try client.send([1])
        #expect(try client.receive(exactly: 1) == [1])
        let peer = server.onFirstConnection { $0.peerCertificate }
        #expect(peer == .some(nil))
    }

    /// An unknown authority and an expired certificate fail the handshake: the layer above never
    /// sees such a connection.
    @Test(arguments: [
        ("untrusted", "unable to get local issuer certificate"), ("expired", "certificate has expired"),
    ])
    func aCertificateThatDoesNotVerifyFailsTheHandshake(kind: String, reason: String) throws {
        let files = try TestCertificates()
        let trusted = try files.makeAuthority(name: "chargers-ca")
        let charger =
            kind == "untrusted"
            ? try files.issue(name: "cp1", subject: "/CN=CP-1", by: try files.makeAuthority(name: "other-ca"))
            : try files.issue(name: "cp1", subject: "/CN=CP-1", by: trusted, days: -1)
        let (server, certificate) = try ClientCertificateTests.makeServer(trusting: trusted.certificate, files: files)
        defer { server.shutdown() }
        let client = try BlockingTLSClient(
            port: server.port, trustedCertificatePath: certificate, clientCertificate: charger)
        // Under TLS 1.3 the client finishes its side before the server has looked at the
        // certificate; the server's alert then ends the connection.
        #expect(throws: BlockingTLSClient.Failure.self) {
            try client.handshake()
            try client.send([1])
            _ = try client.receive(exactly: 1)
        }
        #expect(server.probe.wait { $0.contains { $0.hasPrefix("close ") } })
        #expect(server.probe.recorded == ["close TLS error: certificate verify failed: \(reason)"])
    }

    @Test func aCertificateWithSeveralCommonNamesHasNoOneCommonName() {
        #expect(PeerCertificate(subjectCommonNames: ["CP-1", "CP-2"]).commonName == nil)
        #expect(PeerCertificate(subjectCommonNames: []).commonName == nil)
    }

    @Test func anAuthorityFileWithoutCertificatesStopsStartUp() throws {
        let files = try TestCertificates()
        let (certificate, key) = try files.makeSelfSigned()
        let empty = try files.write("not a certificate\n", to: "ca.pem")
        #expect(throws: TLSConfigurationError.noCertificate(setting: "central.tls.clientCA", path: empty)) {
            try TLSContext(
                configuration: TLSConfiguration(
                    certificateChainPath: certificate, privateKeyPath: key, clientCertificateAuthoritiesPath: empty))
        }
    }
}
