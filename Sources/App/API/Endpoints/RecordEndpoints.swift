import ChargePointManagement
import HTTP

/// The audit trail and the sessions: `GET /api/decisions`, `/api/commands`, `/api/transactions`,
/// each with `?charger=ID&since=ISO` (and `connector`, `limit`), newest first; and
/// `POST /api/transactions/{id}/close` for a transaction its charger forgot.
struct RecordEndpoints: Sendable {
    let dependencies: APIDependencies

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/api/decisions") { request throws(APIError) in try await decisions(request) },
            APIRoute("GET", "/api/commands") { request throws(APIError) in try await commands(request) },
            APIRoute("GET", "/api/transactions") { request throws(APIError) in try await transactions(request) },
            APIRoute("POST", "/api/transactions/{id}/close") { request throws(APIError) in
                try await closeTransaction(request)
            },
        ]
    }

    /// Closes a transaction left open for good (its charger rebooted and forgot it) with stop reason
    /// `ClosedByHand` and the energy of its last meter value; answers it as `GET` shows it. 404 for
    /// an unknown id, 409 when it is stopped already. No command goes to the charger: a session
    /// that still runs is stopped with `POST /api/chargers/{id}/stop`.
    func closeTransaction(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let text = request.parameter("id")
        guard let id = ValueRanges.transactionId.integer(parsing: text) else {
            throw .badRequest("id: expected a transaction id: \(ValueRanges.transactionId)")
        }
        do {
            let closed = try await dependencies.transactions.closeTransaction(id: id)
            return .json(closed.apiRepresentation(live: nil, now: dependencies.now()))
        } catch {
            switch error {
            case .unknown:
                throw APIError(status: .notFound, message: "unknown transaction \(id)")
            case .alreadyStopped(let record):
                throw APIError(
                    status: .conflict,
                    message: "transaction \(id) is stopped already (\(record.stopReason ?? "no reason given"))")
            case .storeFailed(let reason):
                throw APIError(status: .internalServerError, message: "cannot close transaction \(id): \(reason)")
            }
        }
    }

    func decisions(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, connector, since, limit) = try (
            request.query("charger"), request.queryInteger("connector", in: ValueRanges.connectorOrCharger),
            request.since(), request.limit()
        )
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.decisions(
                chargerId: charger, connectorId: connector, since: since, limit: limit)
        }
        return .json(.array(records.map(\.apiRepresentation)))
    }

    func commands(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, since, limit) = try (request.query("charger"), request.since(), request.limit())
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.commands(chargerId: charger, decisionId: nil, since: since, limit: limit)
        }
        return .json(.array(records.map(\.apiRepresentation)))
    }

    func transactions(_ request: APIRequest) async throws(APIError) -> HTTPResponse {
        let (charger, connector, since, limit) = try (
            request.query("charger"), request.queryInteger("connector", in: ValueRanges.connector), request.since(),
            request.limit()
        )
        let records = try await RecordEndpoints.reading {
            try await dependencies.records.transactions(
                chargerId: charger, connectorId: connector, since: since, limit: limit)
        }
        let now = dependencies.now()
        return .json(
            .array(
                records.map { record in
                    let live =
                        record.isOpen
                        ? dependencies.chargers.snapshot(record.chargerId)?.connector(record.connectorId ?? 0)?
                            .transaction
                        : nil
                    return record.apiRepresentation(live: live, now: now)
                }))
    }

    /// A store failure is the server's problem: 500 with the reason.
    static func reading<Value>(_ read: () async throws -> Value) async throws(APIError) -> Value {
        do {
            return try await read()
        } catch {
            throw APIError(status: .internalServerError, message: "cannot read the database: \(error)")
        }
    }
}
