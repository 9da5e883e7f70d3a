import Testing
import WebSocket

@testable import WebSocket

@Suite struct FrameCodecTests {
    /// The masking key of the RFC 6455 §5.7 examples.
    static let rfcKey: UInt32 = 0x37FA_213D
    static let hello = Array("Hello".utf8)

    private func decodeAll(_ bytes: [UInt8], masked: Bool = true) throws -> [WebSocketFrame] {
        var decoder = FrameDecoder(expectsMaskedFrames: masked)
        decoder.append(bytes)
        var frames: [WebSocketFrame] = []
        while let frame = try decoder.nextFrame() { frames.append(frame) }
        #expect(decoder.bufferedByteCount == 0)
        return frames
    }

    @Test func encodesTheRFCExamplesByteForByte() {
        #expect(FrameEncoder.encode(opcode: .text, payload: Self.hello) == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(
            FrameEncoder.encode(opcode: .text, payload: Self.hello, maskingKey: Self.rfcKey)
                == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
        #expect(
            FrameEncoder.encode(opcode: .text, payload: Array("Hel".utf8), fin: false)
                == [0x01, 0x03, 0x48, 0x65, 0x6C])
        #expect(
            FrameEncoder.encode(opcode: .continuation, payload: Array("lo".utf8)) == [0x80, 0x02, 0x6C, 0x6F])
        #expect(FrameEncoder.encode(opcode: .ping, payload: Self.hello) == [0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
    }

    @Test func decodesTheRFCExamples() throws {
        #expect(
            try decodeAll([0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
                == [WebSocketFrame(fin: true, opcode: .text, payload: Self.hello)])
        #expect(
            try decodeAll([0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
                == [WebSocketFrame(fin: true, opcode: .pong, payload: Self.hello)])
        #expect(
            try decodeAll([0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F], masked: false)
                == [
                    WebSocketFrame(fin: false, opcode: .text, payload: Array("Hel".utf8)),
                    WebSocketFrame(fin: true, opcode: .continuation, payload: Array("lo".utf8)),
                ])
    }

    @Test(arguments: [
        (0, [0x82, 0x00] as [UInt8]),
        (125, [0x82, 0x7D]),
        (126, [0x82, 0x7E, 0x00, 0x7E]),
        (256, [0x82, 0x7E, 0x01, 0x00]),
        (65535, [0x82, 0x7E, 0xFF, 0xFF]),
        (65536, [0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00]),
    ])
    func encodesEachLengthFormMinimally(_ length: Int, _ header: [UInt8]) {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
        let frame = FrameEncoder.encode(opcode: .binary, payload: payload)
        #expect(Array(frame.prefix(header.count)) == header)
        #expect(Array(frame.dropFirst(header.count)) == payload)
        #expect(FrameEncoder.headerLength(payloadLength: length, masked: false) == header.count)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 125, 126, 65535, 65536, 70001])
    func roundTripsMaskedFramesOfEveryLengthForm(_ length: Int) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let frame = FrameEncoder.encode(opcode: .text, payload: payload, maskingKey: 0xA1B2_C3D4)
        #expect(frame.count == FrameEncoder.headerLength(payloadLength: length, masked: true) + length)
        #expect(try decodeAll(frame) == [WebSocketFrame(fin: true, opcode: .text, payload: payload)])
    }

    @Test func waitsForTheWholeFrameWhenBytesArriveOneByOne() throws {
        let frame = FrameEncoder.encode(opcode: .text, payload: Array(repeating: 0x61, count: 300), maskingKey: 7)
        var decoder = FrameDecoder()
        for byte in frame.dropLast() {
            decoder.append([byte])
            #expect(try decoder.nextFrame() == nil)
        }
        decoder.append([frame.last!])
        #expect(try decoder.nextFrame()?.payload == Array(repeating: 0x61, count: 300))
        #expect(try decoder.nextFrame() == nil)
    }

    @Test(arguments: [
        ([0x81, 0x02, 0x68, 0x69] as [UInt8], WebSocketError.unmaskedClientFrame),
        ([0xC1, 0x80, 0, 0, 0, 0], .reservedBitsSet),
        ([0xA1, 0x80, 0, 0, 0, 0], .reservedBitsSet),
        ([0x91, 0x80, 0, 0, 0, 0], .reservedBitsSet),
        ([0x83, 0x80, 0, 0, 0, 0], .unknownOpcode(3)),
        ([0x87, 0x80, 0, 0, 0, 0], .unknownOpcode(7)),
        ([0x8B, 0x80, 0, 0, 0, 0], .unknownOpcode(11)),
        ([0x8F, 0x80, 0, 0, 0, 0], .unknownOpcode(15)),
        ([0x09, 0x80, 0, 0, 0, 0], .fragmentedControlFrame),
        ([0x08, 0x80, 0, 0, 0, 0], .fragmentedControlFrame),
        ([0x89, 0xFE, 0x00, 0x7E], .controlFrameTooLong(126)),
        ([0x88, 0xFF], .controlFrameTooLong(127)),
        ([0x81, 0xFE, 0x00, 0x7D], .nonMinimalLength),
        ([0x81, 0xFF, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], .nonMinimalLength),
        ([0x81, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0], .lengthOutOfRange),
    ])
    func rejectsFrameViolationsAsSoonAsTheHeaderShowsThem(_ bytes: [UInt8], _ error: WebSocketError) {
        var decoder = FrameDecoder()
        decoder.append(bytes)
        #expect(throws: error) { try decoder.nextFrame() }
        #expect(error.closeCode == .protocolError)
    }

    @Test func rejectsMaskedFramesWhenDecodingAsAClient() {
        var decoder = FrameDecoder(expectsMaskedFrames: false)
        decoder.append(FrameEncoder.encode(opcode: .text, payload: Self.hello, maskingKey: 1))
        #expect(throws: WebSocketError.maskedServerFrame) { try decoder.nextFrame() }
    }

    @Test func rejectsAnOversizedDataFrameFromItsHeaderAlone() {
        var decoder = FrameDecoder()
        decoder.append([0x81, 0xFF, 0, 0, 0, 0, 0x40, 0, 0, 0])  // declares 1 GiB, sends none of it
        #expect(throws: WebSocketError.messageTooBig(limit: 1024)) { try decoder.nextFrame(maxDataPayloadBytes: 1024) }
    }

    @Test func appliesTheSizeLimitToDataFramesOnly() throws {
        var decoder = FrameDecoder()
        decoder.append(FrameEncoder.encode(opcode: .ping, payload: Self.hello, maskingKey: 9))
        #expect(try decoder.nextFrame(maxDataPayloadBytes: 0)?.payload == Self.hello)
    }

    @Test func cutsACloseReasonOnACharacterBoundaryToFitAControlFrame() {
        let frame = FrameEncoder.encodeClose(code: .goingAway, reason: String(repeating: "é", count: 100))
        #expect(Array(frame.prefix(4)) == [0x88, 124, 0x03, 0xE9])
        #expect(frame.count == 2 + 2 + 122)
        #expect(FrameEncoder.encodeClose(code: nil) == [0x88, 0x00])
        #expect(FrameEncoder.encodeClose(code: .normalClosure, reason: "ok") == [0x88, 0x04, 0x03, 0xE8, 0x6F, 0x6B])
    }
}
