import Testing

@testable import MQTT

@Suite struct MQTTOutgoingQueueTests {
    private func message(_ topic: String, _ payload: [UInt8] = [0]) -> MQTTPublish {
        MQTTPublish(topic: topic, payload: payload, retain: true)
    }

    @Test func theLatestMessagePerTopicWinsAndMovesToTheBack() {
        var queue = MQTTOutgoingQueue(maximumMessages: 10, maximumBytes: 1_000)
        queue.enqueue(message("a", [1]))
        queue.enqueue(message("b", [2]))
        queue.enqueue(message("a", [3]))
        #expect(queue.count == 2)
        #expect(queue.dequeue(upTo: 10).map(\.payload) == [[2], [3]])
        #expect(queue.isEmpty && queue.byteCount == 0)
    }

    @Test func overTheCountTheOldestIsDroppedAndCounted() {
        var queue = MQTTOutgoingQueue(maximumMessages: 3, maximumBytes: 1_000)
        for topic in ["a", "b", "c", "d", "e"] { queue.enqueue(message(topic)) }
        #expect(queue.droppedCount == 2)
        #expect(queue.dequeue(upTo: 10).map(\.topic) == ["c", "d", "e"])
    }

    @Test func overTheBytesTheOldestIsDropped() {
        var queue = MQTTOutgoingQueue(maximumMessages: 100, maximumBytes: 25)
        for topic in ["a", "b", "c"] { queue.enqueue(message(topic, Array(repeating: 0, count: 9))) }
        #expect(queue.byteCount <= 25)
        #expect(queue.dequeue(upTo: 10).map(\.topic) == ["b", "c"])
    }

    /// A broker away for a long time while 1,000 topics change: the queue stays at one message
    /// per topic and its bookkeeping does not grow.
    @Test func manyUpdatesToFewTopicsStayBounded() {
        var queue = MQTTOutgoingQueue(maximumMessages: 10_000, maximumBytes: 1 << 20)
        for round in 0..<100 {
            for topic in 0..<1_000 { queue.enqueue(message("t/\(topic)", [UInt8(round)])) }
        }
        #expect(queue.count == 1_000)
        #expect(queue.droppedCount == 0)
        let all = queue.dequeue(upTo: 2_000)
        #expect(all.count == 1_000)
        #expect(all.allSatisfy { $0.payload == [99] })
    }
}
