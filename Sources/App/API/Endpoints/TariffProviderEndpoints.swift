import HTTP
import Tariffs

/// `GET /api/tariff/provider` (docs/api.md, docs/prices.md): how fetching prices goes.
struct TariffProviderEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/tariff/provider") { _ throws(APIError) in
                guard let status = dependencies.tariffProvider() else {
                    throw APIError(status: .notFound, message: "no tariff.provider is configured")
                }
                return .json(status.apiRepresentation)
            }
        ]
    }
}
