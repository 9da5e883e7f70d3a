import ChargingModel
import JSON
import Scheduling

/// The state topics of one charger (docs/mqtt.md, "State"), as topic and payload text: numbers
/// as plain text, `true`/`false`, the connector status, `none` for no limit, the decision as JSON.
enum MQTTStateTopics {
    static func topics(
        of snapshot: ChargerSnapshot, states: [Int: ConnectorSchedulingState], names: MQTTTopicNames
    ) -> [(topic: String, payload: String)] {
        var topics: [(topic: String, payload: String)] = [
            (names.charger(snapshot.id, "connected"), snapshot.connected ? "true" : "false")
        ]
        for connector in snapshot.connectors where connector.id >= 1 {
            let id = connector.id
            let charging = connector.transaction != nil
            if let status = connector.status {
                topics.append((names.connector(snapshot.id, id, "status"), status.rawValue))
            }
            // Power and current of a connector without a session are 0 (the rules' connector.power).
            let power = charging ? connector.measurands[.powerActiveImport]?.value ?? 0 : 0
            let current = charging ? connector.measurands[.currentImport]?.value ?? 0 : 0
            topics.append((names.connector(snapshot.id, id, "power"), number(power)))
            topics.append((names.connector(snapshot.id, id, "current"), number(current)))
            topics.append((names.connector(snapshot.id, id, "energy"), number(connector.transaction?.energyWh ?? 0)))
            let state = states[id]
            topics.append((names.connector(snapshot.id, id, "limit"), state?.appliedLimitAmps.map(number) ?? "none"))
            topics.append(
                (
                    names.connector(snapshot.id, id, "decision"),
                    JSONWriter.string(state?.decisionRepresentation ?? .null)
                ))
        }
        return topics
    }

    /// A figure as plain text with at most one decimal (`7200`, `10.5`).
    static func number(_ value: Double) -> String {
        JSONWriter.string(.rounded(value, places: 1))
    }
}
