/// What a `.../set` topic addresses (docs/mqtt.md, "Commands").
enum MQTTCommandTarget: Sendable, Equatable {
    case limit(chargerId: String, connectorId: Int)
    case charge(chargerId: String, connectorId: Int)
    case available(chargerId: String, connectorId: Int)
    case reset(chargerId: String)
    case input(name: String)
}
