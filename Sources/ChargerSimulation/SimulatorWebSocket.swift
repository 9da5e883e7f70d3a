import Foundation
import WebSocket

/// The client end of an RFC 6455 WebSocket over a blocking socket, with the server's own frame
/// codec (`FrameEncoder`, `FrameDecoder`): it upgrades offering `ocpp1.6`, sends masked text
/// frames (a client must mask, §5.3), answers pings and reports text messages.
final class SimulatorWebSocket {
    private let socket: SimulatorSocket
    private var decoder = FrameDecoder(expectsMaskedFrames: false)
    private var pending: [String] = []

    /// Connects to `ws://host:port/path` and performs the upgrade.
    init(host: String, port: Int, path: String) throws(SimulationError) {
        socket = try SimulatorSocket(host: host, port: port)
        var keyBytes = [UInt8](repeating: 0, count: 16)
        for index in keyBytes.indices { keyBytes[index] = UInt8.random(in: 0...255) }
        let key = Data(keyBytes).base64EncodedString()
        try socket.send(
            Array(
                ("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n")
                    .utf8))
        var head: [UInt8] = []
        while true {
            let bytes = try socket.receive(waitingAtMost: 10_000)
            guard !bytes.isEmpty else { throw .upgradeRefused("no answer within 10 s") }
            head += bytes
            if let end = Self.endOfHead(head) {
                decoder.append(Array(head[end...]))
                head = Array(head[..<end])
                break
            }
            guard head.count < 16 * 1024 else { throw .upgradeRefused("an answer without an end") }
        }
        let text = String(decoding: head, as: UTF8.self)
        let expected = WebSocketUpgrade.acceptValue(forKey: key)
        guard text.hasPrefix("HTTP/1.1 101"),
            text.lowercased().contains("sec-websocket-accept: \(expected.lowercased())")
        else { throw .upgradeRefused(text.components(separatedBy: "\r\n").first ?? "") }
    }

    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index - 3] == 13 && bytes[index - 2] == 10 && bytes[index - 1] == 13 && bytes[index] == 10 {
            return index + 1
        }
        return nil
    }

    func sendText(_ text: String) throws(SimulationError) {
        try socket.send(
            FrameEncoder.encode(opcode: .text, payload: Array(text.utf8), maskingKey: UInt32.random(in: 1...UInt32.max))
        )
    }

    /// The next text message within `milliseconds`, or nil; pings are answered on the way.
    func receiveText(waitingAtMost milliseconds: Int32) throws(SimulationError) -> String? {
        if !pending.isEmpty { return pending.removeFirst() }
        try readFrames()
        if pending.isEmpty { decoder.append(try socket.receive(waitingAtMost: milliseconds)) }
        try readFrames()
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func readFrames() throws(SimulationError) {
        while true {
            let frame: WebSocketFrame?
            do {
                frame = try decoder.nextFrame()
            } catch {
                throw .protocolViolation(String(describing: error))
            }
            guard let frame else { return }
            switch frame.opcode {
            case .text:
                pending.append(String(decoding: frame.payload, as: UTF8.self))
            case .ping:
                try socket.send(
                    FrameEncoder.encode(
                        opcode: .pong, payload: frame.payload, maskingKey: UInt32.random(in: 1...UInt32.max)))
            case .close:
                try? socket.send(
                    FrameEncoder.encode(
                        opcode: .close, payload: Array(frame.payload.prefix(2)),
                        maskingKey: UInt32.random(in: 1...UInt32.max)))
                socket.close()
                throw .closed
            default:
                break
            }
        }
    }

    /// Sends a close frame (1000) and closes the socket.
    func close() {
        try? socket.send(FrameEncoder.encodeClose(code: .normalClosure, maskingKey: UInt32.random(in: 1...UInt32.max)))
        socket.close()
    }
}
