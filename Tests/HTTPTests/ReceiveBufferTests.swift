import HTTP
import Testing

@Suite struct ReceiveBufferTests {
    @Test func readsWhatArrivedInOrderAcrossAppends() {
        var buffer = ReceiveBuffer()
        buffer.append(Array("GET / HT".utf8))
        buffer.consume(4)
        buffer.append(Array("TP/1.1".utf8))
        #expect(buffer.count == 10)
        #expect(String(decoding: buffer[0..<buffer.count], as: UTF8.self) == "/ HTTP/1.1")
        #expect(buffer[2] == UInt8(ascii: "H"))
        #expect(buffer.withUnreadBytes { Array($0) } == Array("/ HTTP/1.1".utf8))
    }

    @Test func consumingEverythingLeavesItEmptyAndReadyForMore() {
        var buffer = ReceiveBuffer()
        buffer.append([1, 2, 3])
        buffer.consume(3)
        #expect(buffer.isEmpty)
        buffer.append([4])
        #expect(buffer.withUnreadBytes { Array($0) } == [4])
    }

    @Test func takeAllHandsOverTheUnreadBytes() {
        var buffer = ReceiveBuffer()
        buffer.append([1, 2, 3, 4])
        buffer.consume(1)
        #expect(buffer.takeAll() == [2, 3, 4])
        #expect(buffer.isEmpty)
    }

    @Test func aSliceKeepsOffsetsFromTheFirstUnreadByte() {
        var buffer = ReceiveBuffer()
        buffer.append(Array(0..<100))
        buffer.consume(90)
        buffer.append([100, 101])
        #expect(Array(buffer[1..<4]) == [91, 92, 93])
        #expect(buffer[11] == 101)
    }

    @Test func aThrowingReaderThrowsItsOwnError() {
        struct Refused: Error, Equatable {}
        var buffer = ReceiveBuffer()
        buffer.append([1])
        #expect(throws: Refused()) {
            try buffer.withUnreadBytes { (_) throws(Refused) -> Int in throw Refused() }
        }
    }
}
