/// Messages waiting to be sent while the in-flight window is full or the socket does not take
/// more, keyed by topic and bounded (docs/mqtt.md, "Memory and the broker").
///
/// - A message to a topic that already has one waiting replaces it in its place in line (the
///   topics are retained, so only the latest matters, and a topic that changes every second is
///   not pushed back behind the others for ever). The bound therefore counts distinct topics.
/// - QoS 1 messages (what must arrive: Home Assistant's discovery configs and their removals,
///   `status`) are never dropped; there is one per topic, so they are bounded by the topics the
///   owner has (8 configs a connector), not by time.
/// - Over `maximumMessages` or `maximumBytes`, the oldest QoS 0 message is dropped, and its topic
///   kept in `droppedTopics` until the owner takes it (`takeDroppedTopics()`), so that the owner
///   publishes that topic again from its current state rather than leave the broker stale.
public struct MQTTOutgoingQueue: Sendable {
    public let maximumMessages: Int
    public let maximumBytes: Int
    public private(set) var byteCount = 0
    /// Messages dropped to stay within the bounds, since the queue was made.
    public private(set) var droppedCount = 0
    /// Topics of the messages dropped since the owner last took them, oldest first.
    public private(set) var droppedTopics: [String] = []

    private var messages: [String: Entry] = [:]
    /// Per lane (QoS 1 kept, QoS 0 droppable), the topics in the order their messages were
    /// first queued; an entry whose sequence no longer matches the waiting message's (sent, or
    /// moved to the other lane) is skipped, and compacted away now and then.
    private var kept = Lane()
    private var droppable = Lane()
    private var nextSequence: UInt64 = 0

    private struct Entry: Sendable {
        var sequence: UInt64
        var message: MQTTPublish
    }

    private struct Lane: Sendable {
        var order: [(sequence: UInt64, topic: String)] = []
        var head = 0
    }

    public init(maximumMessages: Int, maximumBytes: Int) {
        precondition(maximumMessages > 0 && maximumBytes > 0)
        self.maximumMessages = maximumMessages
        self.maximumBytes = maximumBytes
    }

    public var count: Int { messages.count }
    public var isEmpty: Bool { messages.isEmpty }

    /// Whether the bounds are exceeded, or close to it (over half of either): the queue has
    /// dropped or may drop soon.
    public var isOverHalfFull: Bool {
        messages.count * 2 > maximumMessages || byteCount * 2 > maximumBytes
    }

    /// Queues `message`, replacing one waiting for the same topic in its place.
    public mutating func enqueue(_ message: MQTTPublish) {
        let keeps = message.qos == .atLeastOnce
        if var entry = messages[message.topic] {
            byteCount += Self.size(message) - Self.size(entry.message)
            let sameLane = (entry.message.qos == .atLeastOnce) == keeps
            entry.message = message
            if !sameLane {
                entry.sequence = nextSequence
                nextSequence += 1
                append(entry.sequence, message.topic, kept: keeps)
            }
            messages[message.topic] = entry
        } else {
            messages[message.topic] = Entry(sequence: nextSequence, message: message)
            append(nextSequence, message.topic, kept: keeps)
            nextSequence += 1
            byteCount += Self.size(message)
        }
        while messages.count > maximumMessages || byteCount > maximumBytes {
            guard let dropped = Self.popOldest(&droppable, from: &messages) else { break }
            byteCount -= Self.size(dropped)
            droppedCount += 1
            droppedTopics.append(dropped.topic)
        }
        compactIfMostlyStale()
    }

    /// Removes and returns the oldest waiting message; with `includingQoS1` false, the oldest QoS 0
    /// one (the in-flight window is full, but a QoS 0 message does not need it).
    public mutating func dequeue(includingQoS1: Bool = true) -> MQTTPublish? {
        Self.skipStale(&kept, in: messages)
        Self.skipStale(&droppable, in: messages)
        let keptHead: UInt64? = includingQoS1 && kept.head < kept.order.count ? kept.order[kept.head].sequence : nil
        let droppableHead: UInt64? =
            droppable.head < droppable.order.count ? droppable.order[droppable.head].sequence : nil
        let taken: MQTTPublish?
        switch (keptHead, droppableHead) {
        case (let keptSequence?, let droppableSequence?):
            taken =
                keptSequence < droppableSequence
                ? Self.popOldest(&kept, from: &messages) : Self.popOldest(&droppable, from: &messages)
        case (.some, nil): taken = Self.popOldest(&kept, from: &messages)
        case (nil, .some): taken = Self.popOldest(&droppable, from: &messages)
        case (nil, nil): taken = nil
        }
        if let taken { byteCount -= Self.size(taken) }
        compactIfMostlyStale()
        return taken
    }

    /// Removes and returns up to `limit` messages, oldest first.
    public mutating func dequeue(upTo limit: Int) -> [MQTTPublish] {
        var taken: [MQTTPublish] = []
        while taken.count < limit, let message = dequeue() { taken.append(message) }
        return taken
    }

    /// Drops every QoS 0 message without counting it as a drop: the connection is gone, and the
    /// owner publishes its whole state again once it is back (`MQTTSessionEvent.connected`), from
    /// its current state rather than from what waited here.
    public mutating func removeQoS0Messages() {
        messages = messages.filter { $0.value.message.qos == .atLeastOnce }
        byteCount = messages.values.reduce(0) { $0 + Self.size($1.message) }
        droppable = Lane()
    }

    /// The topics dropped since the last call, oldest first.
    public mutating func takeDroppedTopics() -> [String] {
        defer { droppedTopics = [] }
        return droppedTopics
    }

    private mutating func append(_ sequence: UInt64, _ topic: String, kept keeps: Bool) {
        if keeps { kept.order.append((sequence, topic)) } else { droppable.order.append((sequence, topic)) }
    }

    private static func skipStale(_ lane: inout Lane, in messages: [String: Entry]) {
        while lane.head < lane.order.count {
            let (sequence, topic) = lane.order[lane.head]
            if messages[topic]?.sequence == sequence { return }
            lane.head += 1
        }
    }

    private static func popOldest(_ lane: inout Lane, from messages: inout [String: Entry]) -> MQTTPublish? {
        skipStale(&lane, in: messages)
        guard lane.head < lane.order.count else { return nil }
        let topic = lane.order[lane.head].topic
        lane.head += 1
        return messages.removeValue(forKey: topic)?.message
    }

    private mutating func compactIfMostlyStale() {
        guard kept.order.count + droppable.order.count > max(64, 2 * messages.count) else { return }
        Self.compact(&kept, in: messages)
        Self.compact(&droppable, in: messages)
    }

    private static func compact(_ lane: inout Lane, in messages: [String: Entry]) {
        lane.order = lane.order[lane.head...].filter { messages[$0.topic]?.sequence == $0.sequence }
        lane.head = 0
    }

    private static func size(_ message: MQTTPublish) -> Int {
        message.topic.utf8.count + message.payload.count
    }
}
