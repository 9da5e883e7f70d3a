import ChargingModel
import Foundation
import JSON
import OCPP
import Scheduling

/// The manual commands that both the HTTP API and MQTT take (docs/api.md, docs/mqtt.md): start,
/// stop, availability, reset, the limit override and inputs. One code path for both: the endpoints read
/// their fields and call this, the MQTT bridge reads its payloads and calls this; `source` is what
/// the command records and `/metrics` name (`api`, `mqtt`).
struct ChargerControl: Sendable {
    let dependencies: APIDependencies
    let source: CommandSource

    var sender: ManualCommandSender { ManualCommandSender(dependencies: dependencies, source: source) }

    /// RemoteStartTransaction; the charger's own id tag when `idTag` is nil. Answers the charger's
    /// confirmation.
    func start(chargerId: String, connector: Int, idTag: String?) async throws(APIError) -> JSONObject {
        _ = try sender.knownCharger(chargerId)
        let idTag = idTag ?? dependencies.remoteStartIdTag(chargerId)
        let answer = try await sender.send(
            .startTransaction(connectorId: connector, idTag: idTag), to: chargerId, connectorId: connector)
        if ChargerControl.isAccepted(answer) {
            await dependencies.scheduler.noteManualCommand(.start(chargerId: chargerId, connectorId: connector))
        }
        return answer
    }

    /// RemoteStopTransaction of the connector's open transaction; 409 when none is open.
    func stop(chargerId: String, connector: Int) async throws(APIError) -> JSONObject {
        let snapshot = try sender.knownCharger(chargerId)
        guard dependencies.commands.isConnected(chargerId) else { throw .notConnected(chargerId) }
        guard let transaction = snapshot?.connector(connector)?.transaction else {
            throw APIError(
                status: .conflict, message: "connector \(connector) of charger \"\(chargerId)\" has no open transaction"
            )
        }
        let answer = try await sender.send(
            .stopTransaction(transactionId: transaction.id), to: chargerId, connectorId: connector)
        if ChargerControl.isAccepted(answer) {
            await dependencies.scheduler.noteManualCommand(.stop(chargerId: chargerId, connectorId: connector))
        }
        return answer
    }

    /// ChangeAvailability (connector 0: the whole charger).
    func availability(chargerId: String, connector: Int, available: Bool) async throws(APIError) -> JSONObject {
        _ = try sender.knownCharger(chargerId)
        let answer = try await sender.send(
            .changeAvailability(connectorId: connector, available: available), to: chargerId, connectorId: connector)
        if ChargerControl.isAccepted(answer) || answer["status"]?.stringValue == "Scheduled" {
            await dependencies.scheduler.noteManualCommand(
                .availability(chargerId: chargerId, connectorId: connector, available: available))
        }
        return answer
    }

    /// Reset, `Soft` or `Hard`; for an OCPP 2.0.1 station `Immediate` or `OnIdle` (`Hard` and
    /// `Soft` are taken as those: docs/ocpp201.md). `type` is checked here, for the API and MQTT.
    func reset(chargerId: String, type: String) async throws(APIError) -> JSONObject {
        let snapshot = try sender.knownCharger(chargerId)
        if sender.speaksOCPP201(chargerId, snapshot: snapshot) {
            return try await resetOCPP201(chargerId: chargerId, type: type)
        }
        guard ChargerControl.resetTypes.contains(type) else {
            throw .badRequest("type: expected \"Soft\" or \"Hard\"")
        }
        return try await sender.send(ResetRequest(type: ResetType(spelling: type)), to: chargerId, connectorId: nil)
    }

    /// OCPP 1.6's reset types.
    static let resetTypes = ["Soft", "Hard"]

    /// A manual limit above every rule (amperes or watts, for `minutes` or the session); the
    /// engine sends the profile and records it with `source`. Answers the connector's state after it.
    func setLimit(chargerId: String, connector: Int, amps: Double?, watts: Double?, minutes: Double?)
        async throws(APIError) -> ConnectorSchedulingState?
    {
        _ = try sender.knownCharger(chargerId)
        switch (amps, watts) {
        case (nil, nil): throw .badRequest("amps: expected a number of amperes (or watts: a number of watts)")
        case (.some, .some): throw .badRequest("amps, watts: give one of them, not both")
        default: break
        }
        guard dependencies.commands.isConnected(chargerId) else { throw .notConnected(chargerId) }
        let override = LimitOverrideRequest(
            chargerId: chargerId, connectorId: connector, amps: amps, watts: watts, minutes: minutes, source: source)
        do {
            try await dependencies.scheduler.setLimitOverride(override)
        } catch {
            throw .badRequest(error.message)
        }
        return await dependencies.scheduler.connectorStates(chargerId: chargerId)[connector]
    }

    /// Ends the override; the rules decide again.
    func clearLimit(chargerId: String, connector: Int) async throws(APIError) {
        _ = try sender.knownCharger(chargerId)
        await dependencies.scheduler.clearLimitOverride(chargerId: chargerId, connectorId: connector)
    }

    /// Merges inputs, as pushed: `{"grid.power": -2300, "input.boost": "1", "solar.power": null}`.
    /// Answers every input now known.
    func updateInputs(_ body: JSONValue) async throws(APIError) -> [InputStatus] {
        let update: InputUpdate
        do {
            update = try InputUpdate(json: body)
        } catch {
            throw .badRequest(error.description)
        }
        do {
            return try await dependencies.scheduler.updateInputs(update)
        } catch {
            throw .badRequest(error.message)
        }
    }

    static func isAccepted(_ answer: JSONObject) -> Bool {
        answer["status"]?.stringValue == "Accepted"
    }
}
