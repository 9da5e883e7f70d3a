import ChargingModel
import Chronology
import Foundation
import HTTP
import HTTPClient
import Synchronization
import TestSupport
import Testing

@testable import Tariffs

/// Keeps what the runner delivers.
final class RecordingTariffSink: TariffPriceSink {
    let received = Mutex<[[PriceSlot]]>([])

    func replacePrices(_ slots: [PriceSlot]) async throws(TariffFetchError) {
        received.withLock { $0.append(slots) }
    }
}

@Suite struct TariffProviderRunnerTests {
    @Test func aFailureKeepsThePricesAndShowsTheErrorUntilARecovery() async throws {
        let failing = Mutex(false)
        let server = try CannedHTTPServer { request in
            if failing.withLock({ $0 }) { return Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8) }
            let body = ProviderFixtures.awattar
            return Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        }
        defer { server.shutdown() }
        let sink = RecordingTariffSink()
        let provider = AwattarProvider(
            country: "de", url: try HTTPURL("http://127.0.0.1:\(server.port)/v1/marketdata"), timeout: 5)
        let runner = TariffProviderRunner(
            provider: provider, formula: PriceFormula(add: 0.1, vat: 0.2),
            schedule: TariffRefreshSchedule(timeZone: TimeZone(identifier: "UTC")!),
            client: HTTPClient(group: server.group),
            sink: sink, now: { RFC3339.parse("2026-12-02T22:40:00Z")! })

        runner.record(await runner.fetchOnce())
        #expect(runner.status().state == .ok)
        #expect(runner.status().knownUntil == RFC3339.parse("2026-12-03T00:00:00Z"))
        let delivered = try #require(sink.received.withLock { $0.first })
        #expect(delivered.map(\.price).map { ($0 * 1e6).rounded() / 1e6 } == [0.2382, 0.1152])
        #expect(server.requests.first?.hasPrefix("GET /v1/marketdata?start=1796248800000&end=1796421600000 ") == true)

        failing.withLock { $0 = true }
        let delay = runner.record(await runner.fetchOnce())
        #expect(delay == 60)
        let status = runner.status()
        #expect(status.state == .failing)
        #expect(status.lastError?.hasSuffix("HTTP 502 Bad Gateway") == true)
        #expect(status.knownUntil == RFC3339.parse("2026-12-03T00:00:00Z"))
        #expect(sink.received.withLock { $0.count } == 1)

        failing.withLock { $0 = false }
        runner.record(await runner.fetchOnce())
        #expect(runner.status().state == .ok)
        #expect(runner.status().consecutiveFailures == 0)
        #expect(sink.received.withLock { $0.count } == 2)
    }
}
