import Testing
import Transport

@testable import Transport

@Suite struct WriteQueueTests {
    @Test func drainsInOrderAcrossPartialWrites() {
        var queue = WriteQueue()
        queue.append([1, 2, 3])
        queue.append([4, 5])
        queue.append([UInt8]())
        #expect(queue.byteCount == 5)
        var written: [UInt8] = []
        // A socket that takes two bytes per call, then is full.
        var budget = 2
        let drained = queue.drain { bytes in
            let count = min(budget, bytes.count)
            written.append(contentsOf: bytes.prefix(count))
            budget -= count
            return count
        }
        #expect(drained)
        #expect(written == [1, 2])
        #expect(queue.byteCount == 3)
        _ = queue.drain { bytes in
            written.append(contentsOf: bytes)
            return bytes.count
        }
        #expect(written == [1, 2, 3, 4, 5])
        #expect(queue.isEmpty)
    }

    @Test func reportsASendFailure() {
        var queue = WriteQueue()
        queue.append([1])
        #expect(!queue.drain { _ in nil })
    }
}
