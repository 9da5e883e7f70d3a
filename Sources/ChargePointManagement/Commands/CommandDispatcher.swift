import Central
import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import OCPP201
import Store
import Synchronization

/// Sends every command Ampwise gives a charger, whoever gives it (the scheduler, the post-boot
/// set-up, the API, MQTT), the one way: turns a model command into the charger's typed OCPP
/// message, sends it, times the answer, maps how it ended, records it in the audit trail and
/// counts it (docs/architecture.md, "Commands").
public final class CommandDispatcher: ChargerCommanding {
    public let counters = CommandCounters()
    private let caller: any ChargePointCalling
    private let recorder: any CommandRecording
    private let now: @Sendable () -> Date
    private let validationMode: @Sendable (String) -> OCPPValidationMode
    private let logger = Logger(label: "commands")
    /// The station's own id of one of Ampwise's transaction ids (2.0.1 ids are strings), from
    /// charge point management (`ChargerFleet.attach`).
    private let ocpp201TransactionIds = Mutex<@Sendable (_ chargerId: String, _ transactionId: Int) -> String?>({
        _, _ in nil
    })
    /// The `remoteStartId` of a RequestStartTransaction (docs/ocpp201.md), from charge point
    /// management (`ChargerFleet.attach`: the store's counter, unique across restarts); without it,
    /// a counter of this dispatcher's own, unique while it runs.
    private let remoteStartIds = Mutex<
        (@Sendable (_ chargerId: String, _ evseId: Int, _ idTag: String) async -> Int?)?
    >(nil)
    private let ownRemoteStartIds = Mutex(0)

    /// - Parameters:
    ///   - validationMode: how each charger's confirmations are read (its `strict` setting).
    public init(
        caller: any ChargePointCalling, recorder: any CommandRecording,
        now: @escaping @Sendable () -> Date = { Date() },
        validationMode: @escaping @Sendable (String) -> OCPPValidationMode = { _ in .strict }
    ) {
        self.caller = caller
        self.recorder = recorder
        self.now = now
        self.validationMode = validationMode
    }

    /// Whether the charger is connected now.
    public func isConnected(_ chargerId: String) -> Bool { caller.isConnected(chargerId) }

    /// Whether the charger's current connection speaks OCPP 2.0.1.
    public func speaksOCPP201(_ chargerId: String) -> Bool { caller.speaksOCPP201(chargerId) }

    /// Sets where the station's own ids of Ampwise's transactions come from (RequestStopTransaction
    /// and TxProfile carry them).
    public func resolveOCPP201TransactionIds(with resolve: @escaping @Sendable (String, Int) -> String?) {
        ocpp201TransactionIds.withLock { $0 = resolve }
    }

    /// Sets where the `remoteStartId` of each RequestStartTransaction comes from; `nil` from it
    /// means none could be had (the store failed), and the command is not sent.
    public func allocateRemoteStartIds(
        with allocate: @escaping @Sendable (_ chargerId: String, _ evseId: Int, _ idTag: String) async -> Int?
    ) {
        remoteStartIds.withLock { $0 = allocate }
    }

    /// The round trip of the charger's last ping, in milliseconds.
    public func latencyMilliseconds(of chargerId: String) -> Double? { caller.latencyMilliseconds(of: chargerId) }

    // MARK: ChargerCommanding

    public func send(_ command: ChargerCommand, to chargerId: String, context: CommandContext) async
        -> CommandResult
    {
        await exchange(command, to: chargerId, context: context).result
    }

    /// Sends `command` as `send` does, and hands back the charger's confirmation as its payload
    /// (the API answers with it).
    public func exchange(_ command: ChargerCommand, to chargerId: String, context: CommandContext) async
        -> (result: CommandResult, reply: Result<JSONObject, CallError>)
    {
        guard caller.speaksOCPP201(chargerId) else {
            return await exchange(command.ocpp16Request, to: chargerId, context: context)
        }
        let resolve = ocpp201TransactionIds.withLock { $0 }
        var remoteStartId = 0
        if case .startTransaction(let evseId, let idTag) = command {
            guard let allocated = await nextRemoteStartId(chargerId: chargerId, evseId: evseId, idTag: idTag) else {
                return await send(
                    action: OCPP201Action.requestStartTransaction.rawValue, payload: JSONObject(), to: chargerId,
                    context: context, refusal: "no remoteStartId could be allocated (the database failed)"
                ) { $0 }
            }
            remoteStartId = allocated
        }
        guard
            let request = command.ocpp201Request(
                chargerTransactionId: { resolve(chargerId, $0) }, remoteStartId: remoteStartId)
        else {
            // Only a command about a transaction the station never reported gets here.
            let refusal = "the charging station never reported this transaction, so its OCPP 2.0.1 id is unknown"
            let action: OCPP201Action
            if case .setLimit = command { action = .setChargingProfile } else { action = .requestStopTransaction }
            return await send(
                action: action.rawValue, payload: JSONObject(), to: chargerId, context: context, refusal: refusal
            ) { $0 }
        }
        return await exchange(request, to: chargerId, context: context)
    }

    private func nextRemoteStartId(chargerId: String, evseId: Int, idTag: String) async -> Int? {
        if let allocate = remoteStartIds.withLock({ $0 }) {
            return await allocate(chargerId, evseId, idTag)
        }
        return ownRemoteStartIds.withLock { last in
            last += 1
            return last
        }
    }

    private func exchange<Request: OCPPRequest>(
        _ request: Request, to chargerId: String, context: CommandContext
    ) async -> (result: CommandResult, reply: Result<JSONObject, CallError>) {
        let (result, reply) = await send(request, to: chargerId, context: context)
        return (result, reply.map(\.jsonObject))
    }

    private func exchange<Request: OCPP201Request>(
        _ request: Request, to chargerId: String, context: CommandContext
    ) async -> (result: CommandResult, reply: Result<JSONObject, CallError>) {
        let (result, reply) = await send(request, to: chargerId, context: context)
        return (result, reply.map(\.jsonObject))
    }

    // MARK: OCPP messages

    /// Sends a typed request and reads the confirmation as `mode` says (default: the charger's
    /// `strict` setting); a confirmation that breaks its schema ends as `invalidConfirmation`.
    public func send<Request: OCPPRequest>(
        _ request: Request, to chargerId: String, context: CommandContext, mode: OCPPValidationMode? = nil
    ) async -> (result: CommandResult, reply: Result<Request.Confirmation, CallError>) {
        await send(
            action: Request.action.rawValue, payload: request.jsonObject, answer: Request.Confirmation.self,
            to: chargerId, context: context, mode: mode)
    }

    /// Sends a typed OCPP 2.0.1 request, as `send(_:to:context:mode:)` does a 1.6 one.
    public func send<Request: OCPP201Request>(
        _ request: Request, to chargerId: String, context: CommandContext, mode: OCPPValidationMode? = nil
    ) async -> (result: CommandResult, reply: Result<Request.Response, CallError>) {
        await send(
            action: Request.action.rawValue, payload: request.jsonObject, answer: Request.Response.self,
            to: chargerId, context: context, mode: mode)
    }

    /// What both typed sends do, whichever version's types: the answer read as `Answer`.
    private func send<Answer: OCPPObjectCodable>(
        action: String, payload: JSONObject, answer _: Answer.Type, to chargerId: String, context: CommandContext,
        mode: OCPPValidationMode?
    ) async -> (result: CommandResult, reply: Result<Answer, CallError>) {
        let mode = mode ?? validationMode(chargerId)
        return await send(action: action, payload: payload, to: chargerId, context: context) {
            payload throws(CallError) in
            do throws(OCPPValidationError) {
                return try Answer.decode(payload, mode: mode).value
            } catch {
                throw .invalidConfirmation(error.description)
            }
        }
    }

    /// Sends a payload that has already passed its schema check (`POST /api/chargers/{id}/call`),
    /// and hands back the charger's payload as it came.
    public func send(action: String, payload: JSONObject, to chargerId: String, context: CommandContext) async
        -> (result: CommandResult, reply: Result<JSONObject, CallError>)
    {
        await send(action: action, payload: payload, to: chargerId, context: context) { $0 }
    }

    /// The one skeleton: check, send, time, read the answer, map the outcome, record, count.
    ///
    /// A payload that breaks its action's schema (an id tag longer than 20 characters from a rule,
    /// say) is not sent: it ends as `invalidRequest`, recorded, so that the audit trail says why the
    /// charger never got it.
    private func send<Answer>(
        action: String, payload: JSONObject, to chargerId: String, context: CommandContext, refusal: String? = nil,
        read: (JSONObject) throws(CallError) -> Answer
    ) async -> (result: CommandResult, reply: Result<Answer, CallError>) {
        let sentAt = now()
        let clock = ContinuousClock()
        let started = clock.now
        var response: JSONObject?
        let reply: Result<Answer, CallError>
        do throws(CallError) {
            if let refusal { throw .invalidRequest(refusal) }
            try validate(action: action, payload: payload, to: chargerId)
            let answer = try await caller.call(action: action, payload: payload, to: chargerId)
            response = answer
            reply = .success(try read(answer))
        } catch {
            reply = .failure(error)
        }
        let elapsed = started.duration(to: clock.now)
        // A confirmation that breaks its schema is still kept in the record, as it came.
        let outcome = CommandOutcome(reply.map { _ in response ?? JSONObject() })
        let wasSent: Bool
        switch reply {
        case .failure(.notConnected), .failure(.invalidRequest): wasSent = false
        default: wasSent = true
        }
        let result = CommandResult(
            outcome: outcome, latencyMilliseconds: wasSent ? Double(elapsed / .microseconds(1)) / 1000 : nil)
        if case .failure(let error) = reply, error != .notConnected, error != .timeout {
            logger.warning("\(chargerId) \(action) failed: \(error)")
        }
        let decisionId = await context.decisionId?()
        recorder.recordCommand(
            CommandRecord(
                chargerId: chargerId, connectorId: context.connectorId, action: action,
                payload: OCPPSecrets.redacting(.object(payload)), source: context.source, decisionId: decisionId,
                sentAt: sentAt, outcome: outcome, response: response.map { OCPPSecrets.redacting(.object($0)) },
                latencyMs: result.latencyMilliseconds,
                reason: context.reason))
        counters.count(source: context.source, action: action, outcome: outcome)
        return (result, reply)
    }

    /// Checks a request against the schema of the version the charger speaks. A charger that is
    /// not connected may speak either: a request valid in either version goes on, to end as
    /// `notConnected`.
    private func validate(action: String, payload: JSONObject, to chargerId: String) throws(CallError) {
        if caller.speaksOCPP201(chargerId) {
            do {
                _ = try CSMSRequest.validate(action: action, payload: payload)
            } catch {
                throw .invalidRequest(error.message)
            }
            return
        }
        do {
            _ = try CentralSystemRequest.validate(action: action, payload: payload)
        } catch {
            guard !caller.isConnected(chargerId), (try? CSMSRequest.validate(action: action, payload: payload)) != nil
            else { throw .invalidRequest(error.message) }
        }
    }
}
