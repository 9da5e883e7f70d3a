import Chronology
import InputSources
import Testing

@testable import App

@Suite struct SourceEndpointTests {
    static var statuses: [SourceStatus] {
        var meter = SourceStatus(name: "meter", type: "modbus")
        meter.state = .failing
        meter.lastValues = ["grid.power": -2300]
        meter.lastSuccess = RFC3339.parse("2026-11-25T07:59:00Z")
        meter.lastError = "connecting to 10.0.0.8:502 timed out"
        meter.lastErrorAt = RFC3339.parse("2026-11-25T07:59:58Z")
        meter.successCount = 7
        meter.failureCount = 2
        var inverter = SourceStatus(name: "inverter", type: "http")
        inverter.state = .ok
        inverter.lastValues = ["solar.power": 4100.5]
        inverter.lastSuccess = RFC3339.parse("2026-11-25T07:59:59Z")
        inverter.successCount = 3
        return [inverter, meter]
    }

    @Test func listsEachSourceWithItsStateValuesAndLastError() async {
        let response = await APIHarness(sources: SourceEndpointTests.statuses).request("GET", "/api/sources")
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"{"inverter":{"type":"http","state":"ok","inputs":{"solar.power":4100.5},"lastSuccess":"2026-11-25T07:59:59Z","lastError":null,"lastErrorAt":null},"#
                + #""meter":{"type":"modbus","state":"failing","inputs":{"grid.power":-2300},"lastSuccess":"2026-11-25T07:59:00Z","lastError":"connecting to 10.0.0.8:502 timed out","lastErrorAt":"2026-11-25T07:59:58Z"}}"#
        )
    }

    @Test func metricsCountReadsBySourceAndOutcome() async {
        let response = await APIHarness(sources: SourceEndpointTests.statuses).request("GET", "/metrics")
        let text = response.text
        #expect(text.contains("# TYPE ampwise_source_reads_total counter\n"))
        #expect(text.contains(#"ampwise_source_reads_total{source="inverter",outcome="ok"} 3"#))
        #expect(text.contains(#"ampwise_source_reads_total{source="meter",outcome="error"} 2"#))
        #expect(text.contains(#"ampwise_source_up{source="meter"} 0"#))
        #expect(text.contains(#"ampwise_source_up{source="inverter"} 1"#))
    }
}
