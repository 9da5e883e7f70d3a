import Testing

@testable import Transport

/// A charger that retries a failing TLS handshake gives one info line per host and reason.
@Suite struct HandshakeFailureLogTests {
    @Test func eachHostAndReasonIsFirstOnceWhateverThePort() {
        let log = HandshakeFailureLog()
        #expect(log.isFirst("certificate has expired", from: "203.0.113.9:50001"))
        #expect(!log.isFirst("certificate has expired", from: "203.0.113.9:50002"))
        #expect(log.isFirst("unable to get local issuer certificate", from: "203.0.113.9:50003"))
        #expect(log.isFirst("certificate has expired", from: "203.0.113.10:50001"))
    }

    @Test func pastItsCapacityNothingMoreIsFirst() {
        let log = HandshakeFailureLog(capacity: 1)
        #expect(log.isFirst("a", from: "203.0.113.9:1"))
        #expect(!log.isFirst("b", from: "203.0.113.9:1"))
    }
}
