import Foundation
import Glibc
import HTTP
import TestSupport
import Testing
import WebSocket

@testable import WebSocket

/// The state machine and the test client against each other over real loopback sockets, with a
/// one-connection blocking server written just for this suite (the real event loop lives elsewhere).
@Suite struct LoopbackWebSocketTests {
    /// Listens on 127.0.0.1 on a free port and serves one connection on a background thread: the upgrade,
    /// then every text message echoed back.
    private final class OneConnectionServer: Sendable {
        let port: UInt16
        private let listener: Int32

        init(admission: ChargerAdmission = .allowed, maxMessageBytes: Int = 1 << 20) throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.listener = listener
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    bind(listener, address, length) == 0 && listen(listener, 4) == 0
                        && getsockname(listener, address, &length) == 0
                }
            }
            try #require(bound)
            port = UInt16(bigEndian: address.sin_port)
            // A thread of its own: blocking calls on Dispatch's small pool would stall parallel tests.
            Thread.detachNewThread {
                Self.serve(listener: listener, admission: admission, maxMessageBytes: maxMessageBytes)
            }
        }

        deinit {
            // Wakes a thread still blocked in accept(2) when a test failed before connecting.
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }

        private static func serve(listener: Int32, admission: ChargerAdmission, maxMessageBytes: Int) {
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            func write(_ bytes: [UInt8]) {
                _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            func read() -> [UInt8]? {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                return count > 0 ? Array(chunk[0..<count]) : nil
            }
            var parser = HTTPRequestParser()
            var request: HTTPRequest?
            while request == nil {
                guard let bytes = read() else { return }
                parser.append(bytes)
                do {
                    request = try parser.next()
                } catch {
                    return write(error.response.bytes())
                }
            }
            switch WebSocketUpgrade.evaluate(request!, admission: { _ in admission }) {
            case .refuse(_, let response):
                return write(response.bytes())
            case .accept(_, _, let response):
                write(response)
            }
            var connection = WebSocketConnection(maxMessageBytes: maxMessageBytes)
            var received = parser.takeBufferedBytes()
            while true {
                for action in connection.receive(received) {
                    switch action {
                    case .deliverText(let text): connection.sendText(text).map(write)
                    case .send(let bytes): write(bytes)
                    case .pongReceived: break
                    case .closeConnection: return
                    }
                }
                guard let bytes = read() else { return }
                received = bytes
            }
        }
    }

    @Test func echoesMessagesAnswersPingsAndClosesCleanly() throws {
        let server = try OneConnectionServer()
        let client = try TestWebSocketClient.connect(port: server.port, path: "/ocpp/CP%201/", protocols: ["ocpp1.6"])
        #expect(client.subprotocol == "ocpp1.6")
        try client.sendText(#"[2,"1","Heartbeat",{}]"#)
        #expect(try client.receiveText() == #"[2,"1","Heartbeat",{}]"#)
        try client.sendPing([1, 2, 3])
        #expect(try client.receiveFrame() == TestWebSocketFrame(fin: true, opcode: 0xA, payload: [1, 2, 3]))
        try client.sendFrame(opcode: TestWebSocketFrame.textOpcode, payload: Array("frag".utf8), fin: false)
        try client.sendPing([9])
        try client.sendFrame(opcode: TestWebSocketFrame.continuationOpcode, payload: Array("ments €".utf8))
        #expect(try client.receiveFrame().payload == [9])
        #expect(try client.receiveText() == "fragments €")
        let big = String(repeating: "x", count: 65536)
        try client.sendText(big)
        #expect(try client.receiveText() == big)
        let close = try client.close(code: 1000, reason: "bye")
        #expect(close.closeCode == 1000)
        #expect(!close.masked)
    }

    @Test func failsAnUnmaskedFrameWith1002AndDisconnects() throws {
        let server = try OneConnectionServer()
        let client = try TestWebSocketClient.connect(port: server.port, path: "/CP1", protocols: [])
        #expect(client.subprotocol == nil)
        try client.sendFrame(opcode: TestWebSocketFrame.textOpcode, payload: Array("hi".utf8), masked: false)
        let frame = try client.receiveFrame()
        #expect(frame.closeCode == 1002)
        #expect(frame.closeReason == "client frame not masked")
        try client.waitForDisconnect()
    }

    @Test func failsABinaryMessageWith1003() throws {
        let server = try OneConnectionServer()
        let client = try TestWebSocketClient.connect(port: server.port)
        try client.sendBinary([1, 2])
        #expect {
            try client.receiveText()
        } throws: { error in
            guard case TestWebSocketClientError.closedByServer(let code, _) = error else { return false }
            return code == 1003
        }
    }

    @Test func refusesAnUnsupportedSubprotocolWith400() throws {
        let server = try OneConnectionServer()
        let response = try TestWebSocketClient.upgradeResponse(port: server.port, protocols: ["ocpp2.0.1"])
        #expect(response.statusCode == 400)
        #expect(response.bodyText == "no supported subprotocol in ocpp2.0.1; this server accepts ocpp1.6\n")
    }

    @Test func asksForBasicCredentialsAndAcceptsTheRightOnes() throws {
        let refused = try OneConnectionServer(admission: .passwordRequired("secret"))
        let response = try TestWebSocketClient.upgradeResponse(port: refused.port, path: "/CP1")
        #expect(response.statusCode == 401)
        #expect(response.headers["WWW-Authenticate"] == #"Basic realm="ampwise""#)
        let accepted = try OneConnectionServer(admission: .passwordRequired("secret"))
        let client = try TestWebSocketClient.connect(
            port: accepted.port, path: "/CP1",
            headers: [TestWebSocketClient.basicAuthorization(user: "CP1", password: "secret")])
        try client.sendText("ok")
        #expect(try client.receiveText() == "ok")
    }

    @Test func answersAMalformedRequestWith400() throws {
        let server = try OneConnectionServer()
        let response = try TestWebSocketClient.rawHTTPExchange(
            port: server.port, request: Array("GET / HTTP/1.1\r\nBad Header\r\n\r\n".utf8))
        #expect(response.statusCode == 400)
        #expect(response.headers["Connection"] == "close")
    }
}
