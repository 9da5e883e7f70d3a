import ChargePointManagement
import ChargingModel
import HTTP
import JSON
import MQTTLink

/// `GET /api/health` and `GET /metrics`.
struct StatusEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/health") { _ in health() },
            APIRoute("GET", "/metrics") { _ in await metrics() },
        ]
    }

    /// `timezone`: the zone the site's clock times are read in, as configured (the dashboard shows
    /// its times in it).
    func health() -> HTTPResponse {
        .json(
            .object(
                JSONObject([
                    ("status", .string("ok")), ("version", .string(dependencies.version)),
                    ("timezone", .string(AuditTimeline.zoneName(dependencies.timeZone))),
                ])))
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
            "ampwise_auth_failures_total",
            help: "Charger logins refused for wrong HTTP Basic credentials (each answered after a growing delay).",
            value: Double(dependencies.centralMetrics.failedLogins))
        text.counter(
            "ampwise_security_profile_refusals_total",
            help: "Charger connections refused below their security profile, by reason (docs/security.md).",
            samples: dependencies.centralMetrics.securityProfileRefusals.sorted { $0.key < $1.key }.map {
                ([("reason", $0.key)], Double($0.value))
            })
        text.counter(
            "ampwise_security_events_total",
            help: "SecurityEventNotifications from chargers since start-up, by type (GET /api/security-events).",
            samples: dependencies.centralMetrics.securityEvents.sorted { $0.key < $1.key }.map {
                ([("type", $0.key)], Double($0.value))
            })
        text.counter(
            "ampwise_commands_total", help: "Commands sent to chargers, by source, action and outcome.",
            samples: dependencies.commands.counters.all.map { entry in
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
        StatusEndpoints.addPerCharger(snapshots, to: &text)
        SourceEndpoints.addMetrics(dependencies.sources(), to: &text)
        if let mqtt = dependencies.mqtt() { StatusEndpoints.addMQTT(mqtt, to: &text) }
        var response = HTTPResponse.text(text.output)
        response.headers.replaceOrAdd(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }

    /// The MQTT client's connection and outgoing queue (docs/mqtt.md, "Memory and the broker").
    private static func addMQTT(_ figures: MQTTClientFigures, to text: inout PrometheusText) {
        text.gauge(
            "ampwise_mqtt_connected", help: "1 while the MQTT broker has accepted the connection, else 0.",
            value: figures.connected ? 1 : 0)
        text.gauge(
            "ampwise_mqtt_queued_messages", help: "Messages waiting to be sent to the MQTT broker (one per topic).",
            value: Double(figures.waiting))
        text.gauge(
            "ampwise_mqtt_queued_bytes", help: "Topic and payload bytes of the messages waiting for the MQTT broker.",
            value: Double(figures.waitingBytes))
        text.gauge(
            "ampwise_mqtt_in_flight_messages", help: "QoS 1 messages sent to the MQTT broker and not yet acknowledged.",
            value: Double(figures.inFlight))
        text.counter(
            "ampwise_mqtt_dropped_messages_total",
            help: "State messages dropped at the outgoing queue's bound (each published again from the current state).",
            value: Double(figures.dropped))
    }

    /// Per charger: connected or not; per connector: power now and the open session's energy.
    private static func addPerCharger(_ snapshots: [ChargerSnapshot], to text: inout PrometheusText) {
        text.gauge(
            "ampwise_charger_connected", help: "1 while the charger is connected, else 0.",
            samples: snapshots.map { ([("charger", $0.id)], $0.connected ? 1 : 0) })
        var power: [([(String, String)], Double)] = []
        var energy: [([(String, String)], Double)] = []
        for snapshot in snapshots {
            for connector in snapshot.connectors where connector.id > 0 {
                let labels = [("charger", snapshot.id), ("connector", String(connector.id))]
                if let watts = connector.measurands[.powerActiveImport]?.value { power.append((labels, watts)) }
                if let transaction = connector.transaction { energy.append((labels, transaction.energyWh)) }
            }
        }
        text.gauge(
            "ampwise_connector_power_watts", help: "The connector's latest Power.Active.Import.", samples: power)
        text.gauge(
            "ampwise_connector_session_energy_watt_hours", help: "Energy of the connector's open transaction.",
            samples: energy)
    }
}
