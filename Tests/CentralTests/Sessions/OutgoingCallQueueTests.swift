import Testing

@testable import Central

@Suite struct OutgoingCallQueueTests {
    private func counter() -> () -> String {
        var next = 0
        return {
            next += 1
            return "id\(next)"
        }
    }

    @Test func onlyOneCallIsOutstandingAndTheRestWaitInOrder() {
        var queue = OutgoingCallQueue<String>()
        let ids = counter()
        let firstIsSendable = queue.enqueue("first")
        let first = queue.sendNext(uniqueId: ids)
        let secondIsSendable = queue.enqueue("second")
        _ = queue.enqueue("third")
        let blocked = queue.sendNext(uniqueId: ids)
        #expect(firstIsSendable && !secondIsSendable)
        #expect(first?.uniqueId == "id1" && first?.call == "first")
        #expect(blocked == nil)

        var order: [String] = []
        while let completed = queue.outstanding.flatMap({ queue.complete(uniqueId: $0.uniqueId) }) {
            order.append(completed)
            _ = queue.sendNext(uniqueId: ids)
        }
        #expect(order == ["first", "second", "third"])
        #expect(queue.isIdle)
    }

    @Test func aLateOrUnknownReplyCompletesNothing() {
        var queue = OutgoingCallQueue<String>()
        let ids = counter()
        _ = queue.enqueue("a")
        _ = queue.sendNext(uniqueId: ids)
        let unknown = queue.complete(uniqueId: "nope")
        let answered = queue.complete(uniqueId: "id1")
        let late = queue.complete(uniqueId: "id1")
        #expect(unknown == nil)
        #expect(answered == "a")
        #expect(late == nil)
        #expect(queue.isIdle)
    }

    @Test func drainReturnsTheOutstandingAndTheWaitingCalls() {
        var queue = OutgoingCallQueue<Int>()
        let ids = counter()
        for call in 1...5 { _ = queue.enqueue(call) }
        _ = queue.sendNext(uniqueId: ids)
        let drained = queue.drain()
        #expect(drained == [1, 2, 3, 4, 5])
        #expect(queue.isIdle)
    }

    @Test func manyCallsKeepTheirOrderAcrossCompaction() {
        var queue = OutgoingCallQueue<Int>()
        let ids = counter()
        for call in 0..<200 { _ = queue.enqueue(call) }
        var sent: [Int] = []
        while let entry = queue.sendNext(uniqueId: ids) {
            sent.append(entry.call)
            _ = queue.complete(uniqueId: entry.uniqueId)
        }
        #expect(sent == Array(0..<200))
    }

    @Test func aCallSentOneAtATimeIsReleasedOnceAnswered() {
        var queue = OutgoingCallQueue<Payload>()
        let ids = counter()
        var released: [Bool] = []
        for _ in 0..<10 {
            weak var sent: Payload?
            do {
                let payload = Payload()
                sent = payload
                _ = queue.enqueue(payload)
            }
            if let entry = queue.sendNext(uniqueId: ids) { _ = queue.complete(uniqueId: entry.uniqueId) }
            released.append(sent == nil)
        }
        // Before: each session kept the last 32 calls it had sent, payload and completion.
        #expect(released == Array(repeating: true, count: 10))
    }
}

/// A call's payload whose release a test can see through a weak reference.
private final class Payload {}
