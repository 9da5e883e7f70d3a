import ChargingModel
import Chronology
import Foundation
import HTTP
import JSON
import Rules
import Scheduling

/// Inputs, tariff and rules: what the engine decides with.
struct SchedulingEndpoints: Sendable {
    let dependencies: APIDependencies

    /// `GET /api/tariff` shows this far ahead.
    static let tariffWindow: TimeInterval = 48 * 3600

    var routes: [APIRoute] {
        [
            APIRoute("PUT", "/api/inputs") { request throws(APIError) in try await updateInputs(request) },
            APIRoute("GET", "/api/inputs") { _ in await inputs() },
            APIRoute("PUT", "/api/tariff") { request throws(APIError) in try await replaceTariff(request) },
            APIRoute("GET", "/api/tariff") { _ in await tariff() },
            APIRoute("GET", "/api/rules") { _ in await rules() },
            APIRoute("POST", "/api/rules/reload") { _ throws(APIError) in try await reloadRules() },
        ]
    }

    /// `{"grid.power": -2300, "input.boost": "1", "solar.power": null}`: numbers in base units (or
    /// strings that hold one), merged; `null` removes an input. Answers every input now known. The
    /// body is parsed once and checked as it is read (`InputUpdate`), names and values alike.
    func updateInputs(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let control = ChargerControl(dependencies: dependencies, source: .api)
        return SchedulingEndpoints.inputsResponse(try await control.updateInputs(try request.jsonValue()))
    }

    /// Every input with its value and age.
    func inputs() async -> HTTPResponse {
        SchedulingEndpoints.inputsResponse(await dependencies.scheduler.inputs())
    }

    static func inputsResponse(_ inputs: [InputStatus]) -> HTTPResponse {
        .json(.object(JSONObject(inputs.sorted { $0.name < $1.name }.map { ($0.name, $0.apiRepresentation) })))
    }

    /// `[{"start":"...","end":"...","price":0.12}, ...]`: dynamic prices; answers the slots of the
    /// next 48 hours as `GET` does.
    func replaceTariff(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        guard let elements = try request.jsonValue().arrayValue else {
            throw .badRequest("expected a JSON array of {\"start\", \"end\", \"price\"} in the request body")
        }
        var slots: [PriceSlot] = []
        for (index, element) in elements.enumerated() {
            guard let object = element.objectValue else { throw .badRequest("[\(index)]: expected an object") }
            func date(_ key: String) throws(APIError) -> Date {
                guard let text = object[key]?.stringValue, let date = RFC3339.parse(text) else {
                    throw .badRequest("[\(index)].\(key): expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z")
                }
                return date
            }
            let start = try date("start")
            let end = try date("end")
            guard end > start else { throw .badRequest("[\(index)].end: expected a time after start") }
            guard let price = object["price"]?.doubleValue.flatMap(ValueRanges.price.number) else {
                throw .badRequest("[\(index)].price: expected \(ValueRanges.price)")
            }
            slots.append(PriceSlot(start: start, end: end, price: price))
        }
        do {
            try await dependencies.scheduler.replaceTariff(slots)
        } catch {
            throw .badRequest(error.message)
        }
        return await tariff()
    }

    /// The price slots of the next 48 hours.
    func tariff() async -> HTTPResponse {
        let now = dependencies.now()
        let slots = await dependencies.scheduler.tariffSlots(
            from: now, to: now.addingTimeInterval(SchedulingEndpoints.tariffWindow))
        return .json(.array(slots.map(\.apiRepresentation)))
    }

    /// `{"rules": [...], "connectors": [{"charger", "connector", "active": [...]}]}`.
    func rules() async -> HTTPResponse {
        let overview = await dependencies.scheduler.rulesOverview()
        let connectors = overview.active.keys.sorted().map { key -> JSONValue in
            .object(
                JSONObject([
                    ("charger", .string(key.chargerId)),
                    ("connector", .number(Double(key.connectorId))),
                    ("active", .array((overview.active[key] ?? []).map(JSONValue.string))),
                ]))
        }
        return .json(
            .object(
                JSONObject([
                    ("rules", .array(overview.rules.map(\.apiRepresentation))), ("connectors", .array(connectors)),
                ])))
    }

    /// Reloads the rules folder; 400 with every error (the last good rules stay) when it does
    /// not check. Loaded rules answer their warnings too (selectors that match no configured charger).
    func reloadRules() async throws(APIError) -> HTTPResponse {
        let diagnostics = await dependencies.scheduler.reloadRules()
        let errors = diagnostics.filter(\.isError)
        guard errors.isEmpty else {
            let count = errors.count
            throw APIError(
                status: .badRequest,
                message: "the rules have \(count) error\(count == 1 ? "" : "s"); the last good rules stay loaded",
                details: JSONObject([("errors", .array(errors.map { .string($0.description) }))]))
        }
        let overview = await dependencies.scheduler.rulesOverview()
        return .json(
            .object(
                JSONObject([
                    ("status", .string("reloaded")),
                    ("rules", .array(overview.rules.map { .string($0.name) })),
                    ("warnings", .array(diagnostics.map { .string($0.description) })),
                ])))
    }
}
