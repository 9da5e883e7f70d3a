import ChargingModel
import Foundation
import MQTTLink
import Store
import Testing

@testable import App

@Suite struct StatusEndpointTests {
    @Test func healthAnswersOkTheVersionAndTheSiteTimeZone() async {
        let response = await APIHarness().request("GET", "/api/health")
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"ok","version":"9.8.7","timezone":"Europe/Amsterdam"}"#)
    }

    @Test func healthNamesTheZoneOfTimezoneUTCAsUTC() async throws {
        // Foundation calls it GMT; the dashboard shows what ampwise.json says.
        let api = APIHarness(timeZone: try #require(TimeZone(identifier: "UTC")))
        #expect(await api.request("GET", "/api/health").text.contains(#""timezone":"UTC""#))
    }

    @Test func metricsAreThePrometheusTextFormat() async {
        let api = APIHarness(
            connected: ["garage"],
            snapshots: [APIHarness.garage, APIHarness.plainCharger("carport", connected: false)])
        for _ in 0..<3 { api.centralMetrics.countReceived() }
        api.centralMetrics.countSent()
        for _ in 0..<2 { api.centralMetrics.countAuthenticationFailure() }
        api.centralMetrics.countSecurityProfileRefusal(.needsClientCertificate)
        api.centralMetrics.countSecurityEvent(type: "FirmwareUpdated")
        api.scheduler.update { $0.evaluations = 42 }
        // Every command is counted where it is sent, whoever sends it: one through the API, one
        // from the scheduler that times out.
        #expect(await api.request("POST", "/api/chargers/garage/reset", body: #"{"type":"Soft"}"#).status == .ok)
        api.central.answer("SetChargingProfile", with: .failure(.timeout))
        let limit = ChargingLimit(
            connectorId: 1, purpose: .txDefaultProfile, profileId: 101, stackLevel: 0, unit: .amps, value: 10, phases: 3
        )
        _ = await api.commands.send(.setLimit(limit), to: "garage", context: CommandContext(source: .scheduler))
        let response = await api.request("GET", "/metrics")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(
            response.text == """
                # HELP ampwise_chargers_connected Chargers connected now.
                # TYPE ampwise_chargers_connected gauge
                ampwise_chargers_connected 1
                # HELP ampwise_chargers_known Chargers known, connected or not.
                # TYPE ampwise_chargers_known gauge
                ampwise_chargers_known 2
                # HELP ampwise_ocpp_messages_received_total OCPP-J messages received from chargers.
                # TYPE ampwise_ocpp_messages_received_total counter
                ampwise_ocpp_messages_received_total 3
                # HELP ampwise_ocpp_messages_sent_total OCPP-J messages sent to chargers.
                # TYPE ampwise_ocpp_messages_sent_total counter
                ampwise_ocpp_messages_sent_total 1
                # HELP ampwise_auth_failures_total Charger logins refused for wrong HTTP Basic credentials (each answered after a growing delay).
                # TYPE ampwise_auth_failures_total counter
                ampwise_auth_failures_total 2
                # HELP ampwise_security_profile_refusals_total Charger connections refused below their security profile, by reason (docs/security.md).
                # TYPE ampwise_security_profile_refusals_total counter
                ampwise_security_profile_refusals_total{reason="certificate_required"} 1
                # HELP ampwise_security_events_total SecurityEventNotifications from chargers since start-up, by type (GET /api/security-events).
                # TYPE ampwise_security_events_total counter
                ampwise_security_events_total{type="FirmwareUpdated"} 1
                # HELP ampwise_commands_total Commands sent to chargers, by source, action and outcome.
                # TYPE ampwise_commands_total counter
                ampwise_commands_total{source="api",action="Reset",outcome="Accepted"} 1
                ampwise_commands_total{source="scheduler",action="SetChargingProfile",outcome="Timeout"} 1
                # HELP ampwise_rule_evaluations_total Rule evaluations since start-up.
                # TYPE ampwise_rule_evaluations_total counter
                ampwise_rule_evaluations_total 42
                # HELP ampwise_info The running version.
                # TYPE ampwise_info gauge
                ampwise_info{version="9.8.7"} 1
                # HELP ampwise_charger_connected 1 while the charger is connected, else 0.
                # TYPE ampwise_charger_connected gauge
                ampwise_charger_connected{charger="carport"} 0
                ampwise_charger_connected{charger="garage"} 1
                # HELP ampwise_connector_power_watts The connector's latest Power.Active.Import.
                # TYPE ampwise_connector_power_watts gauge
                ampwise_connector_power_watts{charger="garage",connector="1"} 7200
                # HELP ampwise_connector_session_energy_watt_hours Energy of the connector's open transaction.
                # TYPE ampwise_connector_session_energy_watt_hours gauge
                ampwise_connector_session_energy_watt_hours{charger="garage",connector="1"} 5400

                """)
    }

    @Test func theMQTTQueueAndItsDropsAreMetricsWithMQTTSet() async {
        #expect(!(await APIHarness().request("GET", "/metrics").text.contains("ampwise_mqtt_")))
        var figures = MQTTClientFigures()
        figures.connected = true
        figures.waiting = 12
        figures.waitingBytes = 3_400
        figures.inFlight = 5
        figures.dropped = 7
        let text = await APIHarness(mqtt: figures).request("GET", "/metrics").text
        #expect(text.contains("\nampwise_mqtt_connected 1\n"))
        #expect(text.contains("\nampwise_mqtt_queued_messages 12\n"))
        #expect(text.contains("\nampwise_mqtt_queued_bytes 3400\n"))
        #expect(text.contains("\nampwise_mqtt_in_flight_messages 5\n"))
        #expect(
            text.contains("# TYPE ampwise_mqtt_dropped_messages_total counter\nampwise_mqtt_dropped_messages_total 7\n")
        )
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusText.escape("a\"b\\c\nd") == #"a\"b\\c\nd"#)
    }
}
