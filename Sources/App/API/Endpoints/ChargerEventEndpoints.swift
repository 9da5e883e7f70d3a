import HTTP

/// `GET /api/charger-events`: what chargers reported that Ampwise keeps as it came
/// (`charger_events`: DataTransfer, the status notifications of diagnostics, logs and firmware,
/// the security extension's messages, certificate requests Ampwise refused, connections),
/// newest first, with `?charger=ID`, `?kind=ACTION`, `?since=ISO` and `?limit=N` (docs/api.md).
struct ChargerEventEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [APIRoute("GET", "/api/charger-events") { request throws(APIError) in try await chargerEvents(request) }]
    }

    func chargerEvents(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, kind, since, limit) = try (
            request.query("charger"), request.query("kind"), request.since(), request.limit()
        )
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.events(chargerId: charger, kind: kind, since: since, limit: limit)
        }
        return .json(.array(records.map(\.apiRepresentation)))
    }
}
