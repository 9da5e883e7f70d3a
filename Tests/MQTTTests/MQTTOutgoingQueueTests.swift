import Testing

@testable import MQTT

@Suite struct MQTTOutgoingQueueTests {
    private func message(_ topic: String, _ payload: [UInt8] = [0]) -> MQTTPublish {
        MQTTPublish(topic: topic, payload: payload, retain: true)
    }

    /// A topic that changes while it waits keeps its place in line, so a topic that changes
    /// every second is not pushed behind every other one for as long as the queue is long.
    @Test func aNewerMessageReplacesTheWaitingOneInItsPlace() {
        var queue = MQTTOutgoingQueue(maximumMessages: 10, maximumBytes: 1_000)
        queue.enqueue(message("a", [1]))
        queue.enqueue(message("b", [2]))
        queue.enqueue(message("a", [3]))
        #expect(queue.count == 2)
        #expect(queue.dequeue(upTo: 10).map(\.payload) == [[3], [2]])
        #expect(queue.isEmpty && queue.byteCount == 0)
    }

    /// Discovery configs and their removals (QoS 1) are never dropped, however many: the bound
    /// makes room by dropping state (QoS 0), and names each dropped topic for the owner to
    /// publish again.
    @Test func qos1MessagesAreNeverDroppedAndEachDroppedTopicIsReported() {
        var queue = MQTTOutgoingQueue(maximumMessages: 5, maximumBytes: 1_000)
        queue.enqueue(message("state/1"))
        queue.enqueue(message("state/2"))
        for config in 0..<20 {
            queue.enqueue(MQTTPublish(topic: "config/\(config)", payload: [1], qos: .atLeastOnce, retain: true))
        }
        queue.enqueue(message("state/3"))
        #expect(queue.takeDroppedTopics() == ["state/1", "state/2", "state/3"])
        #expect(queue.takeDroppedTopics().isEmpty)
        #expect(queue.droppedCount == 3)
        #expect(queue.dequeue(upTo: 100).map(\.topic) == (0..<20).map { "config/\($0)" })
    }

    @Test func aFullWindowTakesOnlyQoS0MessagesInTheirOrder() {
        var queue = MQTTOutgoingQueue(maximumMessages: 10, maximumBytes: 1_000)
        queue.enqueue(MQTTPublish(topic: "config", payload: [1], qos: .atLeastOnce, retain: true))
        queue.enqueue(message("state/1"))
        queue.enqueue(message("state/2"))
        #expect(queue.dequeue(includingQoS1: false)?.topic == "state/1")
        #expect(queue.dequeue(includingQoS1: true)?.topic == "config")
        #expect(queue.dequeue(includingQoS1: true)?.topic == "state/2")
        #expect(queue.dequeue() == nil)
    }

    /// The connection is gone: the owner publishes its whole state again once it is back, so the
    /// state waiting here would only go out stale before it.
    @Test func losingTheConnectionDropsTheWaitingStateButKeepsTheConfigs() {
        var queue = MQTTOutgoingQueue(maximumMessages: 10, maximumBytes: 1_000)
        queue.enqueue(message("state/1", [1, 2]))
        queue.enqueue(MQTTPublish(topic: "config", payload: [1], qos: .atLeastOnce, retain: true))
        queue.removeQoS0Messages()
        #expect(queue.count == 1 && queue.byteCount == "config".utf8.count + 1)
        #expect(queue.takeDroppedTopics().isEmpty)
        #expect(queue.dequeue(upTo: 10).map(\.topic) == ["config"])
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
