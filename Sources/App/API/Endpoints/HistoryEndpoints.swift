import ChargingModel
import Chronology
import Foundation
import HTTP
import JSON
import Rules
import Scheduling
import Store

/// What the dashboard draws and exports (docs/api.md): `GET /api/history` (a connector's power,
/// current, limit, energy, price and inputs, downsampled), `GET /api/transactions.csv` (sessions
/// with their cost) and `GET /api/plan` (the coming hours, `ampwise plan` fed the live world).
struct HistoryEndpoints: Sendable {
    let dependencies: APIDependencies

    /// The most points one history answer holds; a smaller step over a longer span is refused.
    static let maxPoints = 10_000
    /// The span a history request without `since` covers.
    static let defaultSpan: TimeInterval = 6 * 3600

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/history") { request throws(APIError) in try await history(request) },
            APIRoute("GET", "/api/transactions.csv") { request throws(APIError) in
                try await transactionsCSV(request)
            },
            APIRoute("GET", "/api/plan") { request throws(APIError) in try await plan(request) },
        ]
    }

    private func historyRecords() throws(APIError) -> any HistoryRecords {
        guard let history = dependencies.history else {
            throw APIError(status: .serviceUnavailable, message: "this server keeps no history")
        }
        return history
    }

    // MARK: - History

    func history(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        guard let chargerId = request.query("charger"), !chargerId.isEmpty else {
            throw .badRequest("charger: expected a charger id")
        }
        guard dependencies.snapshot(of: chargerId) != nil else { throw .unknownCharger(chargerId) }
        let connectorId = try request.queryInteger("connector", in: ValueRanges.connector) ?? 1
        let until = try date(request, "until") ?? dependencies.now()
        let since = try date(request, "since") ?? until.addingTimeInterval(-Self.defaultSpan)
        guard since < until else { throw .badRequest("since: expected a time before until") }
        let span = until.timeIntervalSince(since)
        let step: Int
        if let text = request.query("step") {
            guard let value = Int(text), value >= 1, value <= 86_400 else {
                throw .badRequest("step: expected whole seconds from 1 to 86400")
            }
            guard span / Double(value) <= Double(Self.maxPoints) else {
                throw .badRequest(
                    "step: \(value) s over \(Int(span)) s is more than \(Self.maxPoints) points; take a larger step")
            }
            step = value
        } else {
            // About 360 points: a chart's width in pixels, give or take.
            step = max(60, Int((span / 360).rounded(.up)))
        }
        let history = try historyRecords()
        // The store's reads (one visit to its queue) and the engine's prices, at the same time.
        let scheduler = dependencies.scheduler
        async let effective = scheduler.tariffSlots(from: since, to: until)
        let stored = try await RecordEndpoints.reading {
            try await history.connectorHistory(
                chargerId: chargerId, connectorId: connectorId, since: since, until: until, step: step)
        }
        let decisions = stored.decisions
        let prices = PriceLookup(slots: stored.prices, otherwise: PriceLookup(slots: await effective))
        let meterByStep = Dictionary(stored.meter.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var inputsByStep: [Int: [(String, JSONValue)]] = [:]
        for bucket in stored.inputs {
            inputsByStep[bucket.index, default: []].append((bucket.name, .rounded(bucket.value)))
        }
        let count = Int((span / Double(step)).rounded(.up))
        var points: [JSONValue] = []
        points.reserveCapacity(count)
        var decisionIndex = 0
        var inForce: DecisionLimit?
        for index in 0..<count {
            let at = since.addingTimeInterval(Double(index * step))
            let stepEnd = min(at.addingTimeInterval(Double(step)), until)
            // The decision in force at the end of the step.
            while decisionIndex < decisions.count, decisions[decisionIndex].at < stepEnd {
                inForce = decisions[decisionIndex]
                decisionIndex += 1
            }
            var members: [(String, JSONValue)] = [("at", .date(at))]
            if let bucket = meterByStep[index] {
                if let power = bucket.power { members.append(("power", .rounded(power, places: 1))) }
                if let current = bucket.current { members.append(("current", .rounded(current, places: 2))) }
                if let energy = bucket.energyWh { members.append(("energyWh", .rounded(energy, places: 1))) }
            }
            if let inForce {
                members.append(
                    ("limit", inForce.charging == false ? .number(0) : .rounded(inForce.limitAmps, places: 1)))
            }
            if let price = prices.price(at: at) { members.append(("price", .rounded(price, places: 5))) }
            if let values = inputsByStep[index] { members.append(("inputs", .object(JSONObject(values)))) }
            points.append(.object(JSONObject(members)))
        }
        return .json(
            .object(
                JSONObject([
                    ("charger", .string(chargerId)), ("connector", .number(Double(connectorId))),
                    ("since", .date(since)), ("until", .date(until)), ("step", .number(Double(step))),
                    ("points", .array(points)),
                ])))
    }

    private func date(_ request: APIRequest, _ name: String) throws(APIError) -> Date? {
        guard let text = request.query(name) else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw .badRequest("\(name): expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z")
        }
        return date
    }

    // MARK: - Sessions as CSV

    /// The header of `GET /api/transactions.csv` (docs/api.md).
    static let csvHeader = "id,charger,connector,idTag,startedAt,stoppedAt,energyWh,cost,stopReason"

    func transactionsCSV(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, connector, since) = try (
            request.query("charger"), request.queryInteger("connector", in: ValueRanges.connector), request.since()
        )
        let limit: Int
        if let text = request.query("limit") {
            guard let value = Int(text), value >= 1, value <= 100_000 else {
                throw .badRequest("limit: expected an integer from 1 to 100000")
            }
            limit = value
        } else {
            limit = 10_000
        }
        let history = try historyRecords()
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.transactions(
                chargerId: charger, connectorId: connector, since: since, limit: limit)
        }
        let now = dependencies.now()
        let starts = records.compactMap(\.startedAt)
        let from = starts.min() ?? now
        let (readings, pushed) = try await RecordEndpoints.reading {
            (
                try await history.energyReadings(transactionIds: records.map(\.id)),
                try await history.tariffPrices(from: from, to: now)
            )
        }
        let effective = await dependencies.scheduler.tariffSlots(from: from, to: now)
        let prices = PriceLookup(slots: pushed, otherwise: PriceLookup(slots: effective))
        var lines = [Self.csvHeader]
        for record in records {
            let live =
                record.isOpen
                ? dependencies.chargers.snapshot(record.chargerId)?.connector(record.connectorId ?? 0)?.transaction
                : nil
            let energy = record.isOpen ? (live?.id == record.id ? live?.energyWh : nil) : record.energyWh
            let cost = Self.cost(of: record, readings: readings[record.id] ?? [], prices: prices)
            let fields: [String] = [
                String(record.id), record.chargerId, record.connectorId.map(String.init) ?? "", record.idTag ?? "",
                record.startedAt.map { RFC3339.format($0, fraction: .millisecondsIfAny) } ?? "",
                record.stoppedAt.map { RFC3339.format($0, fraction: .millisecondsIfAny) } ?? "",
                energy.map { Self.decimal($0, places: 1) } ?? "", cost.map { Self.decimal($0, places: 4) } ?? "",
                record.stopReason ?? "",
            ]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        var response = HTTPResponse(
            status: .ok, headers: HTTPHeaders([("Content-Type", "text/csv; charset=utf-8")]),
            body: Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        response.headers.add(name: "Content-Disposition", value: "attachment; filename=\"ampwise-sessions.csv\"")
        return response
    }

    /// The session's cost: the meter's rises from `meterStart` through its readings to `meterStop`,
    /// each at the price in force when it began (pushed prices from the store over the engine's
    /// effective slots, so that last month's session is costed at last month's prices); `nil` when
    /// a rise falls where no price is known.
    static func cost(of record: TransactionRecord, readings: [(at: Date, energyWh: Double)], prices: PriceLookup)
        -> Double?
    {
        var points = readings
        if let startedAt = record.startedAt, let meterStart = record.meterStart {
            points.insert((startedAt, Double(meterStart)), at: 0)
        }
        if let stoppedAt = record.stoppedAt, let meterStop = record.meterStop {
            points.append((stoppedAt, Double(meterStop)))
        }
        points.sort { $0.at < $1.at }
        guard points.count >= 2 else { return nil }
        var total = 0.0
        for (previous, next) in zip(points, points.dropFirst()) where next.energyWh > previous.energyWh {
            guard let price = prices.price(at: previous.at) else { return nil }
            total += (next.energyWh - previous.energyWh) / 1000 * price
        }
        return total
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A
    /// field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first: an id tag is the
    /// charger's to choose) is prefixed with `'` (OWASP, "CSV Injection").
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func decimal(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: - Plan

    /// `GET /api/plan?hours=H&step=M[&charger=ID&connector=N]`: per connector, what the rules will
    /// decide in the coming hours if the world stays as it is now (inputs held, prices as known).
    func plan(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        guard let planner = dependencies.planner else {
            throw APIError(status: .serviceUnavailable, message: "this server cannot plan")
        }
        var hours = 12.0
        if let text = request.query("hours") {
            guard let value = Double(text), value > 0, value <= 48 else {
                throw .badRequest("hours: expected a number of hours from 0 to 48")
            }
            hours = value
        }
        let step = try request.queryInteger("step", in: NumberRange.integers(1...240)) ?? 15
        let charger = request.query("charger")
        let connector = try request.queryInteger("connector", in: ValueRanges.connector)
        let series = await planner.livePlan(hours: hours, stepMinutes: step)
        var connectors: [JSONValue] = []
        for plan in series {
            guard let colon = plan.label.lastIndex(of: ":"), let id = Int(plan.label[plan.label.index(after: colon)...])
            else { continue }
            let chargerId = String(plan.label[..<colon])
            if let charger, charger != chargerId { continue }
            if let connector, connector != id { continue }
            let points = plan.points.map { point -> JSONValue in
                .object(
                    JSONObject([
                        ("at", .date(point.time)), ("state", .string(point.state.apiName)),
                        ("limitAmps", .rounded(point.state.chartedAmps, places: 1)),
                        ("phases", point.state.phases.map { .number(Double($0)) } ?? .null),
                        ("price", .rounded(point.price, places: 5)),
                        ("rules", .array(point.rules.map(JSONValue.string))),
                    ]))
            }
            connectors.append(
                .object(
                    JSONObject([
                        ("charger", .string(chargerId)), ("connector", .number(Double(id))),
                        ("points", .array(points)),
                    ])))
        }
        return .json(
            .object(
                JSONObject([
                    ("from", .date(dependencies.now())), ("hours", .number(hours)), ("step", .number(Double(step))),
                    ("connectors", .array(connectors)),
                ])))
    }
}
