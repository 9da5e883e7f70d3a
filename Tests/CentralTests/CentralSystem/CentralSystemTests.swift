import Central
import Foundation
import JSON
import OCPP
import TestSupport
import Testing
import Transport

@Suite struct CentralSystemTests {
    @Test func aChargerBootsAndHeartbeatsOverWebSocket() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let replies = try await offPool {
            let client = try TestWebSocketClient.connect(port: port, path: "/ocpp/CP-1")
            defer { client.disconnect() }
            try client.sendText(#"[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#)
            let boot = try client.receiveText()
            try client.sendText(#"[2,"h1","Heartbeat",{}]"#)
            return (client.subprotocol, boot, try client.receiveText())
        }
        #expect(replies.0 == "ocpp1.6")
        let boot = try JSONParser.parse(replies.1)
        #expect(boot.arrayValue?.prefix(2) == [3, "b1"])
        #expect(boot.arrayValue?[2]["status"] == "Accepted")
        #expect(boot.arrayValue?[2]["interval"] == 60)
        let heartbeat = try JSONParser.parse(replies.2)
        #expect(heartbeat.arrayValue?[2]["currentTime"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func unknownChargersAreRefusedWith404AndWrongPasswordsWith401() async throws {
        let running = try RunningCentralSystem(access: { id in
            id == "garage" ? ChargerAccess(password: "s3cret") : nil
        })
        let port = running.port
        let statuses = try await offPool {
            [
                try TestWebSocketClient.upgradeResponse(port: port, path: "/stranger").statusCode,
                try TestWebSocketClient.upgradeResponse(port: port, path: "/garage").statusCode,
                try TestWebSocketClient.upgradeResponse(
                    port: port, path: "/garage",
                    headers: [TestWebSocketClient.basicAuthorization(user: "garage", password: "nope")]
                ).statusCode,
                try TestWebSocketClient.upgradeResponse(
                    port: port, path: "/garage",
                    headers: [TestWebSocketClient.basicAuthorization(user: "garage", password: "s3cret")]
                ).statusCode,
                try TestWebSocketClient.upgradeResponse(port: port, path: "/garage", protocols: ["ocpp2.1"])
                    .statusCode,
            ]
        }
        #expect(statuses == [404, 401, 401, 101, 400])
    }

    @Test func aCallReturnsTheChargersTypedConfirmation() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let box = try await connectClient(port: port, path: "/CP-2")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-2")

        async let confirmation = running.central.call(ResetRequest(type: .soft), to: "CP-2")
        let received = try await offPool {
            let text = try box.client.receiveText()
            let call = try JSONParser.parse(text)
            try box.client.sendText(#"[3,"\#(call.arrayValue![1].stringValue!)",{"status":"Accepted"}]"#)
            return call
        }
        #expect(received.arrayValue?[0] == 2)
        #expect(received.arrayValue?[2] == "Reset")
        #expect(received.arrayValue?[3] == ["type": "Soft"])
        #expect(try await confirmation.status == .accepted)
    }

    @Test func onlyOneCallIsOutstandingPerChargerAndTheRestWait() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let box = try await connectClient(port: port, path: "/CP-3")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-3")

        let central = running.central
        async let first = central.call(ClearCacheRequest(), to: "CP-3")
        async let second = central.call(GetLocalListVersionRequest(), to: "CP-3")
        let order = try await offPool { () throws -> [String] in
            var actions: [String] = []
            for _ in 0..<2 {
                let call = try JSONParser.parse(try box.client.receiveText()).arrayValue!
                actions.append(call[2].stringValue!)
                // Nothing else may arrive while this call is unanswered.
                #expect(throws: TestWebSocketClientError.self) {
                    _ = try box.client.receiveFrame(timeout: .milliseconds(200))
                }
                let answer = call[2] == "ClearCache" ? #"{"status":"Accepted"}"# : #"{"listVersion":7}"#
                try box.client.sendText(#"[3,"\#(call[1].stringValue!)",\#(answer)]"#)
            }
            return actions
        }
        #expect(Set(order) == ["ClearCache", "GetLocalListVersion"])
        #expect(try await first.status == .accepted)
        #expect(try await second.listVersion == 7)
    }

    /// On the test's clock: an hour's timeout passes at once (the time limit fails the test if not).
    @Test(.timeLimit(.minutes(1))) func anUnansweredCallTimesOutAndTheLateAnswerIsDropped() async throws {
        let clock = ManualClock()
        let running = try RunningCentralSystem(callTimeout: 3600, clock: clock)
        let port = running.port
        let box = try await connectClient(port: port, path: "/CP-4")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-4")

        let call = Task { try await running.central.call(ClearCacheRequest(), to: "CP-4") }
        let callId = try await offPool { () throws -> String in
            try JSONParser.parse(try box.client.receiveText()).arrayValue![1].stringValue!
        }
        // The call's timer was scheduled when the CALL went out.
        clock.advance(by: 3600)
        await #expect(throws: CallError.timeout) { try await call.value }
        let stillWorks = try await offPool { () throws -> String in
            try box.client.sendText(#"[3,"\#(callId)",{"status":"Accepted"}]"#)
            try box.client.sendText(#"[2,"h","Heartbeat",{}]"#)
            return try box.client.receiveText()
        }
        #expect(stillWorks.hasPrefix(#"[3,"h","#))
    }

    @Test func aCallErrorAndANotConnectedChargerAreTypedErrors() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        await #expect(throws: CallError.notConnected) {
            try await running.central.call(ClearCacheRequest(), to: "nobody")
        }
        let box = try await connectClient(port: port, path: "/CP-5")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-5")
        async let result = running.central.call(ClearCacheRequest(), to: "CP-5")
        try await offPool {
            let call = try JSONParser.parse(try box.client.receiveText()).arrayValue!
            try box.client.sendText(#"[4,"\#(call[1].stringValue!)","NotSupported","no cache here",{}]"#)
        }
        do {
            _ = try await result
            Issue.record("expected a CALLERROR")
        } catch {
            #expect(
                error as? CallError
                    == .callError(code: .notSupported, description: "no cache here", details: JSONObject()))
        }
    }

    @Test func aConfirmationThatBreaksItsSchemaIsReported() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let box = try await connectClient(port: port, path: "/CP-6")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-6")
        async let result = running.central.call(ClearCacheRequest(), to: "CP-6")
        try await offPool {
            let call = try JSONParser.parse(try box.client.receiveText()).arrayValue!
            try box.client.sendText(#"[3,"\#(call[1].stringValue!)",{"status":"Maybe"}]"#)
        }
        do {
            _ = try await result
            Issue.record("expected invalidConfirmation")
        } catch let error as CallError {
            guard case .invalidConfirmation(let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.hasPrefix("status:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aReconnectWithTheSameIdReplacesTheOldConnection() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let first = try await connectClient(port: port, path: "/CP-7")
        try await running.waitUntilConnected("CP-7")
        let second = try await connectClient(port: port, path: "/CP-7")
        defer { second.client.disconnect() }
        let closeCode = try await offPool { () throws -> UInt16? in
            let frame = try first.client.receiveFrame()
            first.client.disconnect()
            return frame.closeCode
        }
        #expect(closeCode == 1001)
        #expect(running.central.isConnected("CP-7"))
    }

    @Test func shutDownSendsEachChargerACloseFrame1001AndWaitsForTheHandshake() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let charger = try await connectClient(port: port, path: "/CP-BYE")
        try await running.waitUntilConnected("CP-BYE")
        let central = running.central
        let stopped = Task { await central.shutDown() }
        let frame = try await offPool { () throws -> TestWebSocketFrame in
            let frame = try charger.client.receiveFrame()
            // The charger answers the server's close frame, as RFC 6455 §5.5.1 asks.
            try charger.client.sendClose(code: 1001)
            try charger.client.waitForDisconnect()
            return frame
        }
        #expect(frame.opcode == TestWebSocketFrame.closeOpcode)
        #expect(frame.closeCode == 1001)
        #expect(frame.closeReason == "server shutting down")
        await stopped.value
        #expect(!central.isConnected("CP-BYE"))
    }

    @Test func aChargerThatMissesItsPongIsDisconnected() async throws {
        let clock = ManualClock()
        let running = try RunningCentralSystem(pingInterval: 20, pingTimeout: 20, clock: clock)
        let box = try await connectClient(port: running.port, path: "/CP-8")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-8")
        clock.advance(by: 20)
        let frame = try await offPool { try box.client.receiveFrame() }
        #expect(frame.opcode == TestWebSocketFrame.pingOpcode)
        #expect(running.central.isConnected("CP-8"))
        clock.advance(by: 20)
        try await offPool { try box.client.waitForDisconnect() }
    }

    @Test func aChargerThatAnswersPingsStaysAndItsLatencyIsMeasured() async throws {
        let clock = ManualClock()
        let running = try RunningCentralSystem(pingInterval: 20, pingTimeout: 20, clock: clock)
        let box = try await connectClient(port: running.port, path: "/CP-9")
        defer { box.client.disconnect() }
        try await running.waitUntilConnected("CP-9")
        for round in 0..<3 {
            clock.advance(by: 20)
            let answered = try await offPool { () throws -> String in
                let ping = try box.client.receiveFrame()
                try box.client.sendPong(ping.payload)
                // Its answer comes after the pong was handled, and the next ping scheduled with it.
                try box.client.sendText(#"[2,"h\#(round)","Heartbeat",{}]"#)
                return try box.client.receiveText()
            }
            #expect(answered.hasPrefix(#"[3,"h\#(round)","#))
        }
        #expect(running.central.session("CP-9")?.latencyMilliseconds != nil)
        // Past the last pong's deadline: answered, so still connected.
        clock.advance(by: 20)
        #expect(try await offPool { try box.client.receiveFrame() }.opcode == TestWebSocketFrame.pingOpcode)
        #expect(running.central.isConnected("CP-9"))
    }

    @Test func aClientThatNeverUpgradesIsClosedAfterTheHandshakeTimeout() async throws {
        let clock = ManualClock()
        let running = try RunningCentralSystem(handshakeTimeout: 10, clock: clock)
        let port = Int(running.port)
        async let closedByServer = offPool { () throws -> Bool in
            let socket = try BlockingSocket(port: port, timeout: 5)
            defer { socket.close() }
            return try socket.receiveUntilClosed().isEmpty
        }
        // Scheduled when the server accepts the connection, which nothing else shows.
        await clock.waitForTimer(dueWithin: 10)
        clock.advance(by: 10)
        #expect(try await closedByServer)
    }

    @Test func anOversizedHeaderSectionIsRefusedWith431() async throws {
        let running = try RunningCentralSystem()
        let port = running.port
        let request = "GET /CP HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 10_000))\r\n\r\n"
        let status = try await offPool {
            try TestWebSocketClient.rawHTTPExchange(port: port, request: Array(request.utf8)).statusCode
        }
        #expect(status == 431)
    }

    @Test func chargersConnectOverTLS() async throws {
        let certificates = try TestCertificates()
        let (certificate, key) = try certificates.makeSelfSigned()
        let tls = try TLSContext(
            configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        let running = try RunningCentralSystem(tls: tls)
        let port = Int(running.port)
        let response = try await offPool { () throws -> String in
            let client = try BlockingTLSClient(port: port, trustedCertificatePath: certificate)
            defer { client.shutdown() }
            try client.handshake()
            let upgrade =
                "GET /ocpp/CP-TLS HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n"
            try client.send(Array(upgrade.utf8))
            let expected = "HTTP/1.1 101 Switching Protocols\r\n"
            return String(decoding: try client.receive(exactly: expected.utf8.count), as: UTF8.self)
        }
        #expect(response == "HTTP/1.1 101 Switching Protocols\r\n")
    }
}
