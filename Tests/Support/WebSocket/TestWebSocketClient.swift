import HTTP
import WebSocket

/// A small blocking WebSocket client for tests against the real server on 127.0.0.1: it performs the
/// upgrade, sends masked frames (or any raw bytes, to provoke violations) and reads frames with deadlines.
///
/// ```swift
/// let client = try TestWebSocketClient.connect(port: port, path: "/ocpp/CP1")
/// try client.sendText(#"[2,"1","Heartbeat",{}]"#)
/// let reply = try client.receiveText()
/// try client.close()
/// ```
///
/// Not thread-safe: use one client from one test task.
public final class TestWebSocketClient {
    /// The server's 101 response.
    public let response: TestHTTPResponse
    private let socket: TestSocket
    /// Bytes read from the socket and not yet returned as a frame.
    private var buffer: [UInt8]
    private var closeSent = false

    private init(socket: TestSocket, response: TestHTTPResponse, leftover: [UInt8]) {
        self.socket = socket
        self.response = response
        self.buffer = leftover
    }

    /// The subprotocol the server chose, nil when it answered none.
    public var subprotocol: String? { response.headers["Sec-WebSocket-Protocol"] }

    // MARK: Connecting

    /// Connects and upgrades to WebSocket. Throws `upgradeRefused` with the response unless the server
    /// answers 101 with the right `Sec-WebSocket-Accept`.
    /// - Parameters:
    ///   - protocols: offered in `Sec-WebSocket-Protocol`; none sends no such header.
    ///   - headers: extra header fields (`Authorization`, or replacements for testing refusals: a field
    ///     named like a default one replaces it, and an empty value removes it).
    public static func connect(
        host: String = "127.0.0.1", port: UInt16, path: String = "/CP1", protocols: [String] = ["ocpp1.6"],
        headers: [(String, String)] = [], timeout: Duration = .seconds(5)
    ) throws(TestWebSocketClientError) -> TestWebSocketClient {
        let key = randomKey()
        let (socket, response, leftover) = try performUpgrade(
            host: host, port: port, path: path, protocols: protocols, headers: headers, key: key, timeout: timeout)
        guard response.statusCode == 101,
            response.headers["Sec-WebSocket-Accept"] == WebSocketUpgrade.acceptValue(forKey: key)
        else { throw .upgradeRefused(response) }
        return TestWebSocketClient(socket: socket, response: response, leftover: leftover)
    }

    /// Sends an upgrade request and returns the server's response whatever it is (for refusal tests);
    /// the connection is closed afterwards. The body is read by `Content-Length`.
    public static func upgradeResponse(
        host: String = "127.0.0.1", port: UInt16, path: String = "/CP1", protocols: [String] = ["ocpp1.6"],
        headers: [(String, String)] = [], timeout: Duration = .seconds(5)
    ) throws(TestWebSocketClientError) -> TestHTTPResponse {
        let (socket, response, _) = try performUpgrade(
            host: host, port: port, path: path, protocols: protocols, headers: headers, key: randomKey(),
            timeout: timeout)
        socket.close()
        return response
    }

    /// Sends `request` verbatim on a new connection and returns the response (for malformed-request tests).
    public static func rawHTTPExchange(
        host: String = "127.0.0.1", port: UInt16, request: [UInt8], timeout: Duration = .seconds(5)
    ) throws(TestWebSocketClientError) -> TestHTTPResponse {
        let deadline = ContinuousClock.now + timeout
        let socket = try TestSocket.connect(host: host, port: port, timeout: timeout)
        try socket.write(request)
        let (response, _) = try readResponse(from: socket, deadline: deadline)
        socket.close()
        return response
    }

    /// The `Authorization` header field of HTTP Basic auth.
    public static func basicAuthorization(user: String, password: String) -> (String, String) {
        ("Authorization", "Basic " + base64(Array("\(user):\(password)".utf8)))
    }

    // MARK: Sending

    /// Sends a masked text frame.
    public func sendText(_ text: String) throws(TestWebSocketClientError) {
        try sendFrame(opcode: TestWebSocketFrame.textOpcode, payload: Array(text.utf8))
    }

    /// Sends a masked binary frame.
    public func sendBinary(_ bytes: [UInt8]) throws(TestWebSocketClientError) {
        try sendFrame(opcode: TestWebSocketFrame.binaryOpcode, payload: bytes)
    }

    /// Sends a masked ping.
    public func sendPing(_ payload: [UInt8] = []) throws(TestWebSocketClientError) {
        try sendFrame(opcode: TestWebSocketFrame.pingOpcode, payload: payload)
    }

    /// Sends a masked pong.
    public func sendPong(_ payload: [UInt8] = []) throws(TestWebSocketClientError) {
        try sendFrame(opcode: TestWebSocketFrame.pongOpcode, payload: payload)
    }

    /// Sends a masked close frame: no payload when `code` is nil.
    public func sendClose(code: UInt16? = 1000, reason: String = "") throws(TestWebSocketClientError) {
        var payload: [UInt8] = []
        if let code { payload = [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8) }
        try sendFrame(opcode: TestWebSocketFrame.closeOpcode, payload: payload)
        closeSent = true
    }

    /// Sends one frame exactly as asked: any opcode (reserved ones too), FIN, RSV bits (three low bits),
    /// masked or not. The length always uses its minimal form; use `sendRaw` for anything else.
    public func sendFrame(
        opcode: UInt8, payload: [UInt8], fin: Bool = true, masked: Bool = true, rsv: UInt8 = 0
    ) throws(TestWebSocketClientError) {
        try socket.write(
            Self.frameBytes(opcode: opcode, payload: payload, fin: fin, masked: masked, rsv: rsv))
    }

    /// Sends bytes as they are.
    public func sendRaw(_ bytes: [UInt8]) throws(TestWebSocketClientError) {
        try socket.write(bytes)
    }

    // MARK: Receiving

    /// How long a receive waits by default. It only bounds a broken server, and is long because
    /// what the server sends can wait for a task on the concurrency pool (a call from the test),
    /// which in a full parallel run on two cores can queue behind hundreds of tests for over 5 s.
    public static let receiveTimeout = Duration.seconds(30)

    /// The next frame, whatever it is; `timeout` if it does not arrive in time, `connectionClosed` if the
    /// server closes the TCP connection first.
    public func receiveFrame(timeout: Duration = receiveTimeout) throws(TestWebSocketClientError) -> TestWebSocketFrame
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let (frame, length) = Self.parseFrame(buffer) {
                buffer.removeFirst(length)
                return frame
            }
            let bytes = try socket.read(deadline: deadline)
            if bytes.isEmpty { throw .connectionClosed }
            buffer += bytes
        }
    }

    /// The next text message: pings are answered and pongs skipped on the way; a close frame throws
    /// `closedByServer`, a binary or fragmented frame `unexpectedFrame`.
    public func receiveText(timeout: Duration = receiveTimeout) throws(TestWebSocketClientError) -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let frame = try receiveFrame(timeout: ContinuousClock.now.duration(to: deadline))
            switch frame.opcode {
            case TestWebSocketFrame.textOpcode where frame.fin:
                guard let text = frame.text else { throw .unexpectedFrame(frame) }
                return text
            case TestWebSocketFrame.pingOpcode:
                try sendPong(frame.payload)
            case TestWebSocketFrame.pongOpcode:
                continue
            case TestWebSocketFrame.closeOpcode:
                throw .closedByServer(code: frame.closeCode, reason: frame.closeReason)
            default:
                throw .unexpectedFrame(frame)
            }
        }
    }

    /// Waits until the server closes the TCP connection, discarding what arrives; `timeout` if it does not.
    public func waitForDisconnect(timeout: Duration = receiveTimeout) throws(TestWebSocketClientError) {
        let deadline = ContinuousClock.now + timeout
        buffer = []
        while try !socket.read(deadline: deadline).isEmpty {}
        socket.close()
    }

    // MARK: Closing

    /// The close handshake from the client: sends a close (unless one was sent), waits for the server's
    /// close frame and returns it, then closes the socket.
    @discardableResult
    public func close(
        code: UInt16 = 1000, reason: String = "", timeout: Duration = receiveTimeout
    ) throws(TestWebSocketClientError) -> TestWebSocketFrame {
        if !closeSent { try sendClose(code: code, reason: reason) }
        let deadline = ContinuousClock.now + timeout
        defer { socket.close() }
        while true {
            let frame = try receiveFrame(timeout: ContinuousClock.now.duration(to: deadline))
            if frame.opcode == TestWebSocketFrame.closeOpcode { return frame }
        }
    }

    /// Closes the TCP connection at once, without a close handshake.
    public func disconnect() {
        socket.close()
    }

    // MARK: Wire format

    /// The bytes of one client frame (see `sendFrame`); public so tests can build raw sequences.
    public static func frameBytes(
        opcode: UInt8, payload: [UInt8], fin: Bool = true, masked: Bool = true, rsv: UInt8 = 0
    ) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | (rsv & 0x7) << 4 | (opcode & 0x0F)]
        let maskBit: UInt8 = masked ? 0x80 : 0
        if payload.count <= 125 {
            bytes.append(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            bytes += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            bytes.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((payload.count >> shift) & 0xFF)) }
        }
        guard masked else { return bytes + payload }
        let key = (0..<4).map { _ in UInt8.random(in: 0...255) }
        bytes += key
        bytes.reserveCapacity(bytes.count + payload.count)
        for (index, byte) in payload.enumerated() { bytes.append(byte ^ key[index & 3]) }
        return bytes
    }

    /// A whole frame at the front of `bytes` and its length, or nil when more bytes are needed.
    static func parseFrame(_ bytes: [UInt8]) -> (TestWebSocketFrame, Int)? {
        guard bytes.count >= 2 else { return nil }
        let masked = bytes[1] & 0x80 != 0
        var length = Int(bytes[1] & 0x7F)
        var offset = 2
        if length == 126 {
            guard bytes.count >= 4 else { return nil }
            length = Int(bytes[2]) << 8 | Int(bytes[3])
            offset = 4
        } else if length == 127 {
            guard bytes.count >= 10 else { return nil }
            length = bytes[2..<10].reduce(0) { $0 << 8 | Int($1) }
            offset = 10
        }
        var key: [UInt8] = []
        if masked {
            guard bytes.count >= offset + 4 else { return nil }
            key = Array(bytes[offset..<(offset + 4)])
            offset += 4
        }
        guard length >= 0, bytes.count - offset >= length else { return nil }
        var payload = Array(bytes[offset..<(offset + length)])
        if masked { for index in payload.indices { payload[index] ^= key[index & 3] } }
        let frame = TestWebSocketFrame(
            fin: bytes[0] & 0x80 != 0, rsv: (bytes[0] >> 4) & 0x7, opcode: bytes[0] & 0x0F, masked: masked,
            payload: payload)
        return (frame, offset + length)
    }

    // MARK: Upgrade

    private static func performUpgrade(
        host: String, port: UInt16, path: String, protocols: [String], headers: [(String, String)], key: String,
        timeout: Duration
    ) throws(TestWebSocketClientError) -> (TestSocket, TestHTTPResponse, [UInt8]) {
        let deadline = ContinuousClock.now + timeout
        var fields: [(String, String)] = [
            ("Host", "\(host):\(port)"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", key), ("Sec-WebSocket-Version", "13"),
        ]
        if !protocols.isEmpty { fields.append(("Sec-WebSocket-Protocol", protocols.joined(separator: ", "))) }
        for (name, value) in headers {
            if let index = fields.firstIndex(where: { $0.0.lowercased() == name.lowercased() }) {
                fields[index].1 = value
            } else {
                fields.append((name, value))
            }
        }
        var request = "GET \(path) HTTP/1.1\r\n"
        for (name, value) in fields where !value.isEmpty { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let socket = try TestSocket.connect(host: host, port: port, timeout: timeout)
        try socket.write(Array(request.utf8))
        let (response, leftover) = try readResponse(from: socket, deadline: deadline)
        return (socket, response, leftover)
    }

    /// Reads one response; returns it and the bytes that followed it (frames after a 101).
    private static func readResponse(
        from socket: TestSocket, deadline: ContinuousClock.Instant
    ) throws(TestWebSocketClientError) -> (TestHTTPResponse, [UInt8]) {
        var received: [UInt8] = []
        var headerEnd: Int?
        while headerEnd == nil {
            let bytes = try socket.read(deadline: deadline)
            if bytes.isEmpty { throw .malformedResponse("connection closed after \(received.count) bytes") }
            received += bytes
            headerEnd = findHeaderEnd(received)
        }
        let head = String(decoding: received[..<headerEnd!], as: UTF8.self)
        // "\r\n" is one Character (a grapheme cluster), so this splits on line ends.
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw .malformedResponse("status line \(head.prefix(40))")
        }
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedResponse("header line \(line)") }
            var value = line[line.index(after: colon)...]
            while value.first == " " || value.first == "\t" { value.removeFirst() }
            while value.last == " " || value.last == "\t" { value.removeLast() }
            headers.add(name: String(line[..<colon]), value: String(value))
        }
        var rest = Array(received[(headerEnd! + 4)...])
        var body: [UInt8] = []
        if status != 101, let length = headers["Content-Length"].flatMap({ Int($0) }) {
            while rest.count < length {
                let bytes = try socket.read(deadline: deadline)
                if bytes.isEmpty { throw .malformedResponse("body shorter than Content-Length \(length)") }
                rest += bytes
            }
            body = Array(rest[..<length])
            rest = Array(rest[length...])
        }
        let reason = statusLine.count > 2 ? String(statusLine[2]) : ""
        return (TestHTTPResponse(statusCode: status, reasonPhrase: reason, headers: headers, body: body), rest)
    }

    private static func findHeaderEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func randomKey() -> String {
        base64((0..<16).map { _ in UInt8.random(in: 0...255) })
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = Array(bytes[start..<min(start + 3, bytes.count)])
            let group = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(group >> (18 - 6 * position)) & 0x3F] : "=")
            }
        }
        return output
    }
}
