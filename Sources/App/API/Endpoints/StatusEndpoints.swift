import Central

/// `GET /api/health` and `GET /metrics`.
struct StatusEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/health") { _ in health() },
            APIRoute("GET", "/metrics") { _ in await metrics() },
        ]
    }

    func health() -> HTTPResponse {
        .json(.object(JSONObject([("status", .string("ok")), ("version", .string(dependencies.version))])))
    }

    func metrics() async -> HTTPResponse {
        let snapshots = dependencies.chargers.snapshots()
        var text = PrometheusText()
        text.gauge(
            "ampwise_chargers_connected", help: "Chargers connected now.",
            value: Double(snapshots.filter(\.connected).count))
        text.gauge("ampwise_chargers_known", help: "Chargers known, connected or not.", value: Double(snapshots.count))
        text.counter(
            "ampwise_ocpp_messages_received_total", help: "OCPP-J messages received from chargers.",
            value: Double(dependencies.centralMetrics.messagesReceived))
        text.counter(
            "ampwise_ocpp_messages_sent_total", help: "OCPP-J messages sent to chargers.",
            value: Double(dependencies.centralMetrics.messagesSent))
        text.counter(
            "ampwise_commands_total", help: "Commands sent to chargers, by source, action and outcome.",
            samples: dependencies.metrics.commandCounts.map { entry in
                (
                    [("source", entry.key.source), ("action", entry.key.action), ("outcome", entry.key.outcome)],
                    Double(entry.count)
                )
            })
        text.counter(
            "ampwise_rule_evaluations_total", help: "Rule evaluations since start-up.",
            value: Double(await dependencies.scheduler.evaluationCount()))
        text.gauge(
            "ampwise_info", help: "The running version.", samples: [([("version", dependencies.version)], 1)])
        var response = HTTPResponse.text(text.output)
        response.headers.replaceOrAdd(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
