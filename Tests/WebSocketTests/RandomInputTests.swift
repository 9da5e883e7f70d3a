import HTTP
import TestSupport
import Testing
import WebSocket

@testable import WebSocket

/// Seeded random inputs (the same every run): the parsers must never trap, and valid traffic cut into
/// arbitrary pieces must decode exactly as it does in one piece.
@Suite struct RandomInputTests {
    private func randomBytes(_ count: Int, _ generator: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test func theConnectionSurvivesRandomBytes() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<2000 {
            var connection = WebSocketConnection(maxMessageBytes: 4096)
            let count = Int.random(in: 0...64, using: &generator)
            var bytes = randomBytes(count, &generator)
            // Mostly masked frames with small lengths, so the deeper states are reached too.
            if bytes.count > 1 && Int.random(in: 0..<5, using: &generator) != 0 {
                bytes[1] = 0x80 | UInt8(Int.random(in: 0...min(count, 125), using: &generator))
            }
            let actions = connection.receive(bytes)
            if case .closeConnection = actions.last { #expect(connection.state == .closed) }
        }
    }

    @Test func theHTTPParserSurvivesRandomBytes() {
        var generator = SeededGenerator(seed: 2)
        let alphabet = Array("GET / HTTP/1.1\r\n:%?&=Content-Length: 5\r\nTransfer-Encoding\r\n\r\nab\u{01}\u{80}".utf8)
        for _ in 0..<2000 {
            var parser = HTTPRequestParser(maxHeaderBytes: 256, maxBodyBytes: 16)
            let count = Int.random(in: 0...120, using: &generator)
            parser.append((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            for _ in 0..<4 { _ = try? parser.next() }
        }
    }

    @Test func messagesCutIntoRandomPiecesArriveWhole() {
        var generator = SeededGenerator(seed: 3)
        var connection = WebSocketConnection()
        var expected: [WebSocketAction] = []
        var stream: [UInt8] = []
        for index in 0..<300 {
            let padding = Int.random(in: 0...300, using: &generator)
            let text = Array("message \(index) ".utf8) + Array(repeating: 0x61, count: padding)
            let key = UInt32.random(in: 0...UInt32.max, using: &generator)
            if index % 3 == 0 {
                let cut = Int.random(in: 0...text.count, using: &generator)
                stream += FrameEncoder.encode(opcode: .text, payload: Array(text[..<cut]), fin: false, maskingKey: key)
                stream += FrameEncoder.encode(opcode: .ping, payload: [UInt8(index & 0xFF)], maskingKey: key)
                stream += FrameEncoder.encode(opcode: .continuation, payload: Array(text[cut...]), maskingKey: key)
                expected.append(.send([0x8A, 0x01, UInt8(index & 0xFF)]))
            } else {
                stream += FrameEncoder.encode(opcode: .text, payload: text, maskingKey: key)
            }
            expected.append(.deliverText(text))
        }
        var actions: [WebSocketAction] = []
        var position = 0
        while position < stream.count {
            let end = min(stream.count, position + Int.random(in: 1...700, using: &generator))
            actions += connection.receive(Array(stream[position..<end]))
            position = end
        }
        #expect(actions == expected)
        #expect(connection.state == .open)
    }
}
