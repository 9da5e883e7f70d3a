import ChargePointManagement
import ChargingModel
import HTTP
import JSON

/// `GET /api/chargers` and `GET /api/chargers/{id}`: the charger objects of docs/api.md, with the
/// engine's decision and applied state per connector.
struct ChargerEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/chargers") { _ in await chargers() },
            APIRoute("GET", "/api/chargers/{id}") { request throws(APIError) in try await charger(request) },
        ]
    }

    func chargers() async -> HTTPResponse {
        .json(.array(await allRepresentations()))
    }

    func charger(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let chargerId = request.parameter("id")
        guard let snapshot = dependencies.snapshot(of: chargerId) else { throw .unknownCharger(chargerId) }
        return .json(await representation(of: snapshot))
    }

    func representation(of snapshot: ChargerSnapshot) async -> JSONValue {
        let states = await dependencies.scheduler.connectorStates(chargerId: snapshot.id)
        return snapshot.apiRepresentation(states: states, now: dependencies.now())
    }

    /// Every charger's object, sorted by id, with one call to the engine for all of them (a call
    /// per charger would wait for the engine as many times).
    func allRepresentations() async -> [JSONValue] {
        let states = await dependencies.scheduler.allConnectorStates()
        let now = dependencies.now()
        return dependencies.allSnapshots().map { $0.apiRepresentation(states: states[$0.id] ?? [:], now: now) }
    }
}
