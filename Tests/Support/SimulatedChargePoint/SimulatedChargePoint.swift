import Foundation
import JSON
import OCPP

/// A charge point for tests of a running `CentralSystem`: it connects over WebSocket, sends the
/// messages a charger sends, answers the central system's CALLs like a well-behaved charger (or
/// as configured) and records what it received.
///
/// ```swift
/// let charger = try SimulatedChargePoint.connect(port: port, chargerId: "CP1")
/// charger.rejectedProfilePurposes = ["TxDefaultProfile"]
/// _ = try charger.boot()
/// let setUp = try charger.waitForCall("TriggerMessage")
/// let transactionId = try charger.startTransaction(meterStart: 1000).transactionId
/// ```
///
/// It has no thread of its own: it reads (and answers the central system's calls) only while one
/// of its methods runs, so everything a test sees happens in the order the test asked. Not
/// thread-safe: use one from one test task.
public final class SimulatedChargePoint {
    public let chargerId: String
    /// What GetConfiguration reports, in order; accepted ChangeConfigurations update it.
    public var configuration: [(key: String, value: String)]
    /// ChangeConfiguration of these keys is answered `Rejected`.
    public var rejectedConfigurationKeys: Set<String> = []
    /// SetChargingProfile with these purposes (`TxDefaultProfile`, ...) is answered `Rejected`.
    public var rejectedProfilePurposes: Set<String> = []
    /// CALLs of these actions are never answered.
    public var silentActions: Set<String> = []
    /// Answers by action that replace the default ones (a test's special charger).
    public var answers: [String: SimulatedAnswer] = [:]
    /// Every CALL the central system sent, in order.
    public private(set) var received: [ReceivedCall] = []
    /// How long a call waits for the central system's answer.
    public var timeout: Duration = .seconds(5)

    private let client: TestWebSocketClient
    private var nextUniqueId = 0

    /// A well-behaved charger's configuration: one connector, smart charging, remote trigger.
    public static let defaultConfiguration: [(key: String, value: String)] = [
        (
            "SupportedFeatureProfiles",
            "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger"
        ),
        ("NumberOfConnectors", "1"),
        ("ChargingScheduleAllowedChargingRateUnit", "Current"),
        ("ChargeProfileMaxStackLevel", "8"),
        ("MeterValueSampleInterval", "60"),
        ("MeterValuesSampledData", "Energy.Active.Import.Register"),
        ("HeartbeatInterval", "300"),
    ]

    init(chargerId: String, client: TestWebSocketClient, configuration: [(key: String, value: String)]) {
        self.chargerId = chargerId
        self.client = client
        self.configuration = configuration
    }

    /// Connects to `ws://host:port/<path prefix><chargerId>` offering `ocpp1.6`.
    public static func connect(
        host: String = "127.0.0.1", port: UInt16, chargerId: String, pathPrefix: String = "/ocpp/",
        headers: [(String, String)] = [], configuration: [(key: String, value: String)] = defaultConfiguration
    ) throws(SimulatedChargePointError) -> SimulatedChargePoint {
        do {
            let client = try TestWebSocketClient.connect(
                host: host, port: port, path: pathPrefix + chargerId, headers: headers)
            return SimulatedChargePoint(chargerId: chargerId, client: client, configuration: configuration)
        } catch {
            throw .transport(error)
        }
    }

    /// Closes the WebSocket with a close handshake.
    public func close() {
        _ = try? client.close()
    }

    /// Drops the TCP connection without a close handshake (a charger losing its network).
    public func disconnect() {
        client.disconnect()
    }

    // MARK: Calls from the charger

    /// Sends a CALL and returns the CALLRESULT payload, answering the central system's own
    /// CALLs while it waits.
    public func call(_ action: String, _ payload: JSONObject) throws(SimulatedChargePointError) -> JSONObject {
        nextUniqueId += 1
        let uniqueId = "sim-\(nextUniqueId)"
        try send(.call(uniqueId: uniqueId, action: action, payload: payload))
        let deadline = ContinuousClock.now + timeout
        while true {
            switch try receiveFrame(until: deadline) {
            case .callResult(uniqueId, let result):
                return result
            case .callError(uniqueId, let code, let description, _):
                throw .callError(code: code, description: description)
            case .call(let callId, let callAction, let callPayload):
                try answer(uniqueId: callId, action: callAction, payload: callPayload)
            case let other:
                throw .unexpectedMessage(other.text())
            }
        }
    }

    /// Sends a typed request and decodes the central system's confirmation strictly.
    public func call<Request: OCPPRequest>(_ request: Request) throws(SimulatedChargePointError)
        -> Request.Confirmation
    {
        let payload = try call(Request.action.rawValue, request.jsonObject)
        do {
            return try Request.Confirmation.decode(payload).value
        } catch {
            throw .invalidConfirmation(error.description)
        }
    }

    // MARK: Calls from the central system

    /// Reads and answers the central system's CALLs until one of `action` that matches arrives
    /// (or has arrived since `after` calls were received), and returns it.
    @discardableResult
    public func waitForCall(
        _ action: String, after: Int = 0, timeout: Duration? = nil,
        where matches: (ReceivedCall) -> Bool = { _ in true }
    ) throws(SimulatedChargePointError) -> ReceivedCall {
        let deadline = ContinuousClock.now + (timeout ?? self.timeout)
        var checked = after
        while true {
            while checked < received.count {
                let call = received[checked]
                checked += 1
                if call.action == action, matches(call) { return call }
            }
            let frame: OCPPFrame
            do {
                frame = try receiveFrame(until: deadline)
            } catch .transport(.timeout) {
                throw .noSuchCall(action: action, received: received.map(\.action))
            }
            guard case .call(let callId, let callAction, let callPayload) = frame else {
                throw .unexpectedMessage(frame.text())
            }
            try answer(uniqueId: callId, action: callAction, payload: callPayload)
        }
    }

    /// The CALLs of `action` received so far.
    public func calls(_ action: String) -> [ReceivedCall] {
        received.filter { $0.action == action }
    }

    // MARK: Wire

    private func send(_ frame: OCPPFrame) throws(SimulatedChargePointError) {
        do {
            try client.sendText(frame.text())
        } catch {
            throw .transport(error)
        }
    }

    private func receiveFrame(until deadline: ContinuousClock.Instant) throws(SimulatedChargePointError) -> OCPPFrame {
        let text: String
        do {
            text = try client.receiveText(timeout: max(.zero, ContinuousClock.now.duration(to: deadline)))
        } catch {
            throw .transport(error)
        }
        do {
            return try OCPPFrame.parse(Array(text.utf8))
        } catch {
            throw .unexpectedMessage(text)
        }
    }

    private func answer(uniqueId: String, action: String, payload: JSONObject) throws(SimulatedChargePointError) {
        let reply = silentActions.contains(action) ? .silence : (answers[action] ?? defaultAnswer(action, payload))
        received.append(ReceivedCall(uniqueId: uniqueId, action: action, payload: payload, answer: reply))
        switch reply {
        case .result(let result):
            try send(.callResult(uniqueId: uniqueId, payload: result))
        case .error(let code, let description):
            try send(.callError(uniqueId: uniqueId, code: code, description: description, details: JSONObject()))
        case .silence:
            break
        }
    }
}
