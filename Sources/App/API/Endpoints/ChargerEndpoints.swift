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
        var objects: [JSONValue] = []
        for snapshot in dependencies.allSnapshots() {
            objects.append(await representation(of: snapshot))
        }
        return .json(.array(objects))
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
}
