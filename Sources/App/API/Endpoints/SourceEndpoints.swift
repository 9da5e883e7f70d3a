import HTTP
import InputSources
import JSON

/// `GET /api/sources` and the sources' metrics (docs/api.md, docs/sources.md).
struct SourceEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [APIRoute("GET", "/api/sources") { _ in sources() }]
    }

    /// Each source by name: type, state, last value per input, last success, last error and its time.
    func sources() -> HTTPResponse {
        .json(.object(JSONObject(dependencies.sources().map { ($0.name, $0.apiRepresentation) })))
    }

    /// `ampwise_source_reads_total{source,outcome}` (outcome `ok` or `error`) and
    /// `ampwise_source_up{source}`.
    static func addMetrics(_ statuses: [SourceStatus], to text: inout PrometheusText) {
        guard !statuses.isEmpty else { return }
        text.counter(
            "ampwise_source_reads_total", help: "Reads of each source, by outcome.",
            samples: statuses.flatMap { status in
                [
                    ([("source", status.name), ("outcome", "ok")], Double(status.successCount)),
                    ([("source", status.name), ("outcome", "error")], Double(status.failureCount)),
                ]
            })
        text.gauge(
            "ampwise_source_up", help: "1 while the source's last read succeeded, else 0.",
            samples: statuses.map { ([("source", $0.name)], $0.state == .ok ? 1 : 0) })
    }
}
