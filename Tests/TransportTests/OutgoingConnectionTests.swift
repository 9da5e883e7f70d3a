import Glibc
import TestSupport
import Testing

@testable import Transport

@Suite struct OutgoingConnectionTests {
    @Test func connectsToALocalListenerAndExchangesBytes() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        let probe = ServerProbe()
        server.group.connect(host: "127.0.0.1", port: server.port, timeout: 5) { _ in
            ClientProbeHandler(probe: probe, greeting: "ping")
        }
        #expect(probe.wait(for: "received ping"))
        #expect(probe.recorded.first == "open")
        #expect(server.probe.recorded == ["open"])
    }

    @Test func resolvesANameAndTriesItsAddressesInTurn() throws {
        // "localhost" may resolve to ::1 first, where nothing listens: the IPv4 address follows.
        let server = try TestServer()
        defer { server.shutdown() }
        let probe = ServerProbe()
        server.group.connect(host: "localhost", port: server.port, timeout: 5) { _ in
            ClientProbeHandler(probe: probe, greeting: "by name")
        }
        #expect(probe.wait(for: "received by name"))
    }

    @Test func aRefusedConnectionFailsOnceWithTheReason() throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let port = try OutgoingConnectionTests.closedPort()
        let probe = ServerProbe()
        group.connect(host: "127.0.0.1", port: port, timeout: 5) { _ in ClientProbeHandler(probe: probe) }
        #expect(probe.wait { !$0.isEmpty })
        #expect(probe.recorded == ["fail cannot connect to 127.0.0.1:\(port): connection refused"])
    }

    /// A listener whose accept queue is full drops new SYNs, so the connect never completes: the
    /// timeout ends it.
    @Test func aConnectThatNeverCompletesTimesOut() throws {
        let listener = try StalledListener()
        defer { listener.close() }
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let probe = ServerProbe()
        group.connect(host: "127.0.0.1", port: listener.port, timeout: 0.3) { _ in ClientProbeHandler(probe: probe) }
        #expect(probe.wait(timeout: 5) { !$0.isEmpty })
        #expect(probe.recorded == ["fail connecting to 127.0.0.1:\(listener.port) timed out"])
    }

    @Test func talksTLSToAServerWhoseCertificateItTrusts() throws {
        let (server, certificate, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let tls = try ClientTLSContext(trustedCertificatesPath: certificate)
        let probe = ServerProbe()
        server.group.connect(host: "localhost", port: server.port, tls: tls, timeout: 5) { _ in
            ClientProbeHandler(probe: probe, greeting: "over TLS")
        }
        #expect(probe.wait(for: "received over TLS"))
        #expect(server.probe.recorded == ["open"])
        _ = files
    }

    @Test func refusesACertificateTheSystemStoreDoesNotTrust() throws {
        let (server, _, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let tls = try ClientTLSContext()
        let probe = ServerProbe()
        server.group.connect(host: "localhost", port: server.port, tls: tls, timeout: 5) { _ in
            ClientProbeHandler(probe: probe, greeting: "secret")
        }
        #expect(probe.wait { $0.contains { $0.hasPrefix("close") } })
        let events = probe.recorded
        #expect(events.count == 1)
        #expect(events.first?.contains("certificate verify failed: self-signed certificate") == true)
        _ = files
    }

    @Test func refusesATrustedCertificateForAnotherName() throws {
        let (server, certificate, files) = try TLSServerTests.makeServer()
        defer { server.shutdown() }
        let tls = try ClientTLSContext(trustedCertificatesPath: certificate)
        let probe = ServerProbe()
        server.group.connect(
            host: "127.0.0.1", port: server.port, tls: tls, serverName: "meter.example", timeout: 5
        ) { _ in ClientProbeHandler(probe: probe, greeting: "secret") }
        #expect(probe.wait { $0.contains { $0.hasPrefix("close") } })
        #expect(probe.recorded.count == 1)
        #expect(probe.recorded.first?.contains("hostname mismatch") == true)
        _ = files
    }

    @Test func aMissingTrustFileIsNamedWithItsSetting() {
        #expect(throws: TLSConfigurationError.fileNotFound(setting: "sources.meter.ca", path: "/nonexistent.pem")) {
            try ClientTLSContext(trustedCertificatesPath: "/nonexistent.pem", setting: "sources.meter.ca")
        }
    }

    /// A port nothing listens on: bound by a listener that is then closed.
    static func closedPort() throws -> Int {
        let server = try TestServer(loopCount: 1)
        let port = server.port
        server.shutdown()
        return port
    }
}
