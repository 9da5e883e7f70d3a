import Testing
import WebSocket

@testable import WebSocket

@Suite struct WebSocketConnectionTests {
    private func client(
        _ opcode: WebSocketOpcode, _ payload: [UInt8], fin: Bool = true
    ) -> [UInt8] {
        FrameEncoder.encode(opcode: opcode, payload: payload, fin: fin, maskingKey: 0x37FA_213D)
    }

    private func text(_ string: String, fin: Bool = true) -> [UInt8] { client(.text, Array(string.utf8), fin: fin) }

    private func closePayload(_ code: UInt16, _ reason: [UInt8] = []) -> [UInt8] {
        [UInt8(code >> 8), UInt8(code & 0xFF)] + reason
    }

    /// The two actions that fail a connection: the close frame, then closing the socket.
    private func failure(_ error: WebSocketError) -> [WebSocketAction] {
        [
            .send(FrameEncoder.encodeClose(code: error.closeCode, reason: error.reason)),
            .closeConnection(.protocolViolation(error)),
        ]
    }

    @Test func deliversATextMessage() {
        var connection = WebSocketConnection()
        let message = #"[2,"1","Heartbeat",{}]"#
        #expect(connection.receive(text(message)) == [.deliverText(Array(message.utf8))])
        #expect(connection.state == .open)
    }

    @Test func deliversSeveralMessagesFromOneReadAndMessagesSplitAcrossReads() {
        var connection = WebSocketConnection()
        let bytes = text("one") + text("two") + text("three")
        #expect(
            connection.receive(Array(bytes[..<(bytes.count - 2)]))
                == [.deliverText(Array("one".utf8)), .deliverText(Array("two".utf8))])
        #expect(connection.receive(Array(bytes[(bytes.count - 2)...])) == [.deliverText(Array("three".utf8))])
    }

    @Test func answersAPingWithAPongCarryingTheSamePayload() {
        var connection = WebSocketConnection()
        #expect(connection.receive(client(.ping, [1, 2, 3])) == [.send([0x8A, 0x03, 1, 2, 3])])
        #expect(connection.receive(client(.ping, [])) == [.send([0x8A, 0x00])])
    }

    @Test func reportsPongsWithTheirPayload() {
        var connection = WebSocketConnection()
        #expect(connection.ping(payload: [9, 8]) == [0x89, 0x02, 9, 8])
        #expect(connection.receive(client(.pong, [9, 8])) == [.pongReceived([9, 8])])
    }

    @Test func encodesOutgoingTextUnmasked() {
        var connection = WebSocketConnection()
        #expect(connection.sendText(Array("Hello".utf8)) == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
    }

    @Test func echoesTheCloseOfThePeerAndEnds() {
        var connection = WebSocketConnection()
        let actions = connection.receive(client(.close, closePayload(1000, Array("bye".utf8))))
        #expect(
            actions == [
                .send([0x88, 0x02, 0x03, 0xE8]),
                .closeConnection(.closedByPeer(code: .normalClosure, reason: "bye")),
            ])
        #expect(connection.state == .closed)
        #expect(connection.sendText([0x61]) == nil)
        #expect(connection.ping() == nil)
        #expect(connection.close() == nil)
        #expect(connection.receive(text("late")) == [])
    }

    @Test func answersAnEmptyCloseWithAnEmptyClose() {
        var connection = WebSocketConnection()
        #expect(
            connection.receive(client(.close, []))
                == [.send([0x88, 0x00]), .closeConnection(.closedByPeer(code: nil, reason: ""))])
    }

    @Test func ignoresFramesAfterThePeerClosedInTheSameRead() {
        var connection = WebSocketConnection()
        let actions = connection.receive(client(.close, closePayload(1001)) + text("after"))
        #expect(
            actions == [
                .send([0x88, 0x02, 0x03, 0xE9]), .closeConnection(.closedByPeer(code: .goingAway, reason: "")),
            ])
    }

    @Test func closesFromTheServerAndWaitsForThePeer() {
        var connection = WebSocketConnection()
        let closeFrame = connection.close(code: .goingAway, reason: "restart")
        #expect(closeFrame == [0x88, 0x09, 0x03, 0xE9] + Array("restart".utf8))
        #expect(connection.state == .closing)
        #expect(!connection.isOpen)
        #expect(connection.sendText([0x61]) == nil)
        #expect(connection.close() == nil)
        // Messages and pings that cross the close frame are dropped; pongs are still reported.
        #expect(connection.receive(text("in flight") + client(.ping, [1])) == [])
        #expect(connection.receive(client(.pong, [2])) == [.pongReceived([2])])
        #expect(
            connection.receive(client(.close, closePayload(1001)))
                == [.closeConnection(.closeAcknowledged(code: .goingAway, reason: ""))])
        #expect(connection.state == .closed)
    }

    @Test func failsWithoutAnotherCloseFrameWhenThePeerMisbehavesWhileClosing() {
        var connection = WebSocketConnection()
        _ = connection.close()
        #expect(connection.receive([0x81, 0x00]) == [.closeConnection(.protocolViolation(.unmaskedClientFrame))])
    }

    @Test func reassemblesFragmentsInterleavedWithPings() {
        var connection = WebSocketConnection()
        let bytes =
            text("Hel", fin: false) + client(.ping, [7]) + client(.continuation, Array("l".utf8), fin: false)
            + client(.pong, []) + client(.continuation, Array("o".utf8))
        #expect(
            connection.receive(bytes)
                == [.send([0x8A, 0x01, 7]), .pongReceived([]), .deliverText(Array("Hello".utf8))])
        #expect(connection.receive(text("next")) == [.deliverText(Array("next".utf8))])
    }

    @Test func validatesUTF8SplitAcrossFragments() {
        var connection = WebSocketConnection()
        // "€😀" with both characters split between frames.
        let bytes =
            client(.text, [0xE2], fin: false) + client(.continuation, [0x82, 0xAC, 0xF0, 0x9F], fin: false)
            + client(.continuation, [0x98, 0x80])
        #expect(connection.receive(bytes) == [.deliverText([0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80])])
    }

    @Test(arguments: [
        [0xC0, 0xAF] as [UInt8],  // overlong
        [0xE0, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0x61, 0xE2, 0x82],  // truncated at the end of the message
    ])
    func failsInvalidUTF8With1007(_ payload: [UInt8]) {
        var whole = WebSocketConnection()
        #expect(whole.receive(client(.text, payload)) == failure(.invalidUTF8))
        var fragmented = WebSocketConnection()
        let bytes =
            client(.text, Array(payload.prefix(1)), fin: false) + client(.continuation, Array(payload.dropFirst()))
        #expect(fragmented.receive(bytes) == failure(.invalidUTF8))
        #expect(fragmented.state == .closed)
    }

    @Test func failsInvalidUTF8OnTheFirstBadFragmentWithoutWaitingForTheEnd() {
        var connection = WebSocketConnection()
        #expect(connection.receive(client(.text, [0x61, 0xFF], fin: false)) == failure(.invalidUTF8))
    }

    @Test func writesTheViolationIntoTheCloseFrame() {
        var connection = WebSocketConnection()
        #expect(
            connection.receive([0x81, 0x02, 0x68, 0x69])
                == [
                    .send([0x88, 0x19, 0x03, 0xEA] + Array("client frame not masked".utf8)),
                    .closeConnection(.protocolViolation(.unmaskedClientFrame)),
                ])
    }

    @Test(arguments: [
        ([0x81, 0x02, 0x68, 0x69] as [UInt8], WebSocketError.unmaskedClientFrame, UInt16(1002)),
        ([0xC1, 0x80, 0, 0, 0, 0], .reservedBitsSet, 1002),
        ([0x83, 0x80, 0, 0, 0, 0], .unknownOpcode(3), 1002),
        ([0x09, 0x80, 0, 0, 0, 0], .fragmentedControlFrame, 1002),
        ([0x89, 0xFE, 0x00, 0x7E], .controlFrameTooLong(126), 1002),
        ([0x81, 0xFE, 0x00, 0x05], .nonMinimalLength, 1002),
        ([0x81, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0], .lengthOutOfRange, 1002),
        ([0x80, 0x80, 0, 0, 0, 0], .continuationWithoutStart, 1002),
        ([0x82, 0x80, 0, 0, 0, 0], .binaryMessage, 1003),
        ([0x88, 0x81, 0, 0, 0, 0, 0x03], .closePayloadTooShort, 1002),
    ])
    func failsEachViolationWithItsCloseCode(_ bytes: [UInt8], _ error: WebSocketError, _ code: UInt16) {
        var connection = WebSocketConnection()
        #expect(connection.receive(bytes) == failure(error))
        #expect(error.closeCode.rawValue == code)
        #expect(connection.state == .closed)
    }

    @Test func failsANewMessageInsideAFragmentedOne() {
        var connection = WebSocketConnection()
        #expect(connection.receive(text("a", fin: false) + text("b")) == failure(.dataFrameInsideFragmentedMessage))
        var binary = WebSocketConnection()
        #expect(
            binary.receive(text("a", fin: false) + client(.binary, [1])) == failure(.dataFrameInsideFragmentedMessage))
    }

    @Test func failsAFragmentedBinaryMessageWith1003() {
        var connection = WebSocketConnection()
        #expect(connection.receive(client(.binary, [1], fin: false)) == failure(.binaryMessage))
    }

    @Test(arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] as [UInt16])
    func failsCloseFramesWithCodesThatMayNotBeSent(_ code: UInt16) {
        var connection = WebSocketConnection()
        #expect(connection.receive(client(.close, closePayload(code))) == failure(.invalidCloseCode(code)))
    }

    @Test(arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999] as [UInt16])
    func echoesCloseFramesWithValidCodes(_ code: UInt16) {
        var connection = WebSocketConnection()
        let closeCode = WebSocketCloseCode(rawValue: code)
        #expect(
            connection.receive(client(.close, closePayload(code)))
                == [
                    .send([0x88, 0x02] + closePayload(code)),
                    .closeConnection(.closedByPeer(code: closeCode, reason: "")),
                ])
    }

    @Test func failsACloseReasonThatIsNotUTF8With1007() {
        var connection = WebSocketConnection()
        #expect(connection.receive(client(.close, closePayload(1000, [0xC0, 0xAF]))) == failure(.invalidCloseReason))
        #expect(WebSocketError.invalidCloseReason.closeCode == .invalidFramePayloadData)
    }

    @Test func acceptsA64KiBMessage() {
        var connection = WebSocketConnection()
        let payload = [UInt8](repeating: 0x61, count: 65536)
        #expect(connection.receive(client(.text, payload)) == [.deliverText(payload)])
    }

    @Test func acceptsAMessageOfExactlyTheLimit() {
        var connection = WebSocketConnection(maxMessageBytes: 10)
        let bytes = text("12345", fin: false) + client(.continuation, Array("67890".utf8))
        #expect(connection.receive(bytes) == [.deliverText(Array("1234567890".utf8))])
    }

    @Test func failsAMessageOverTheLimitFromTheFrameHeader() {
        var connection = WebSocketConnection(maxMessageBytes: 100)
        // The header of a 101-byte masked text frame, without its payload.
        #expect(connection.receive([0x81, 0xE5, 1, 2, 3, 4]) == failure(.messageTooBig(limit: 100)))
        #expect(WebSocketError.messageTooBig(limit: 100).closeCode.rawValue == 1009)
    }

    @Test func failsAFragmentedMessageThatGrowsOverTheLimit() {
        var connection = WebSocketConnection(maxMessageBytes: 100)
        #expect(connection.receive(client(.text, Array(repeating: 0x61, count: 60), fin: false)) == [])
        #expect(
            connection.receive(client(.continuation, Array(repeating: 0x61, count: 41)))
                == failure(.messageTooBig(limit: 100)))
    }

    @Test func countsTheBytesOfUnfinishedMessagesAndNothingOnceTheyAreDelivered() {
        var connection = WebSocketConnection()
        let frame = text(String(repeating: "a", count: 300))
        #expect(connection.receive(Array(frame.prefix(100))) == [])
        #expect(connection.bufferedByteCount == 100)
        // A fragment waiting for its continuation, and part of the next frame.
        let fragment = text("12345", fin: false)
        #expect(
            connection.receive(Array(frame.dropFirst(100)) + fragment) == [
                .deliverText(Array(repeating: 0x61, count: 300))
            ])
        #expect(connection.bufferedByteCount == 5)
        let continuation = client(.continuation, Array("67890".utf8))
        #expect(connection.receive(Array(continuation.prefix(3))) == [])
        #expect(connection.bufferedByteCount == 8)
        #expect(connection.receive(Array(continuation.dropFirst(3))) == [.deliverText(Array("1234567890".utf8))])
        #expect(connection.bufferedByteCount == 0)
    }

    @Test func anAbandonedConnectionSends1009OnceAndLetsGoOfItsBuffers() {
        var connection = WebSocketConnection()
        #expect(connection.receive(Array(text(String(repeating: "a", count: 300)).prefix(200))) == [])
        let reason = "unfinished messages over the server's buffer limit"
        #expect(
            connection.abandon(code: .messageTooBig, reason: reason)
                == FrameEncoder.encodeClose(code: .messageTooBig, reason: reason))
        #expect(connection.state == .closed)
        #expect(connection.bufferedByteCount == 0)
        #expect(connection.receive([0x81]) == [])
        #expect(connection.abandon(code: .messageTooBig, reason: reason) == nil)
    }

    @Test func parsesClosePayloads() throws {
        #expect(try WebSocketConnection.parseClosePayload([]) == (nil, ""))
        let (code, reason) = try WebSocketConnection.parseClosePayload([0x0F, 0xA0, 0xC3, 0xA9])
        #expect(code == WebSocketCloseCode(rawValue: 4000))
        #expect(reason == "é")
    }
}
