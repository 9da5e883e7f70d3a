import Central
import Foundation
import JSON
import OCPP
import OCPP201
import TestSupport
import Testing

/// A connection that negotiated `ocpp2.0.1` is handled as OCPP 2.0.1: its CALLs are decoded
/// against the 2.0.1 schemas and refused with 2.0.1's error codes, and its CALLERRORs are read
/// with them (SPEC §12).
@Suite struct OCPP201SessionTests {
    @Test func aChargerOfferingOCPP201IsAnsweredInOCPP201() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let replies = try await offPool {
            let client = try TestWebSocketClient.connect(port: port, path: "/ocpp/CS-1", protocols: ["ocpp2.0.1"])
            defer { client.disconnect() }
            // `reason` is required by 2.0.1's schema (1.6 would spell the code OccurenceConstraintViolation).
            try client.sendText(
                #"[2,"b1","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"}}]"#)
            let missing = try client.receiveText()
            // A 1.6 action is not a 2.0.1 one.
            try client.sendText(#"[2,"s1","StartTransaction",{}]"#)
            let unknown = try client.receiveText()
            // Not a frame 2.0.1 knows how to read.
            try client.sendText(#"[2,"x1"]"#)
            return (client.subprotocol, missing, unknown, try client.receiveText())
        }
        #expect(replies.0 == "ocpp2.0.1")
        let missing = try JSONParser.parse(replies.1).arrayValue
        #expect(missing?.prefix(3) == [4, "b1", "OccurrenceConstraintViolation"])
        #expect(missing?[3].stringValue?.contains("reason") == true)
        #expect(try JSONParser.parse(replies.2).arrayValue?.prefix(3) == [4, "s1", "NotImplemented"])
        #expect(try JSONParser.parse(replies.3).arrayValue?.prefix(3) == [4, "x1", "RpcFrameworkError"])
    }

    @Test func aValidCallReachesTheHandlersOCPP201Entry() async throws {
        let running = try RunningCentralSystem(handler: BootAcceptingHandler())
        let port = running.port
        let reply = try await offPool {
            let client = try TestWebSocketClient.connect(port: port, path: "/ocpp/CS-2", protocols: ["ocpp2.0.1"])
            defer { client.disconnect() }
            try client.sendText(
                #"[2,"b1","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}]"#)
            return try client.receiveText()
        }
        let frame = try JSONParser.parse(reply).arrayValue
        #expect(frame?.prefix(2) == [3, "b1"])
        #expect(frame?[2]["status"] == "Accepted")
        #expect(frame?[2]["interval"] == 42)
    }

    @Test func aCallErrorFromAnOCPP201ChargerCarriesItsOwnCode() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let box = try await offPool {
            ClientBox(client: try TestWebSocketClient.connect(port: port, path: "/CS-3", protocols: ["ocpp2.0.1"]))
        }
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CS-3")
        #expect(running.central.speaksOCPP201("CS-3"))
        async let result = running.central.call(action: "ClearCache", payload: JSONObject(), to: "CS-3")
        try await offPool {
            let call = try JSONParser.parse(try box.client.receiveText()).arrayValue!
            try box.client.sendText(#"[4,"\#(call[1].stringValue!)","FormatViolation","bad",{}]"#)
        }
        do {
            _ = try await result
            Issue.record("expected a CALLERROR")
        } catch {
            #expect(
                error as? CallError
                    == .ocpp201CallError(code: .formatViolation, description: "bad", details: JSONObject()))
        }
    }
}

/// Accepts every 2.0.1 BootNotification with an interval of 42 s; nothing else.
private struct BootAcceptingHandler: IncomingCallHandler {
    func handle(_ call: IncomingCall, from session: ChargePointSession, reply: CallReply) {
        reply.fail(.notSupported, "1.6 is not spoken here")
    }

    func handle(_ call: IncomingOCPP201Call, from session: ChargePointSession, reply: OCPP201CallReply) {
        guard case .bootNotification = call.request else {
            reply.fail(.notSupported, "only BootNotification")
            return
        }
        reply.confirm(BootNotificationResponse(currentTime: Date(), interval: 42, status: .accepted))
    }

    func chargerConnected(_ session: ChargePointSession) {}
    func chargerDisconnected(_ session: ChargePointSession) {}
}
