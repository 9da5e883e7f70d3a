/// Messages waiting to be sent while the broker is away or the in-flight window is full, bounded
/// in count and bytes. A message to a topic that already has one waiting replaces it (the state
/// topics are retained, so only the latest state matters) and goes to the back; when a bound is
/// reached the oldest waiting message is dropped and counted. Nothing here grows without limit.
public struct MQTTOutgoingQueue: Sendable {
    public let maximumMessages: Int
    public let maximumBytes: Int
    public private(set) var byteCount = 0
    /// Messages dropped to stay within the bounds, since the queue was made.
    public private(set) var droppedCount = 0

    private var messages: [String: Entry] = [:]
    /// Topics in the order their messages were queued; an entry whose sequence no longer matches
    /// the waiting message was replaced and is skipped (and compacted away now and then).
    private var order: [(sequence: UInt64, topic: String)] = []
    private var orderHead = 0
    private var nextSequence: UInt64 = 0

    private struct Entry: Sendable {
        var sequence: UInt64
        var message: MQTTPublish
    }

    public init(maximumMessages: Int, maximumBytes: Int) {
        precondition(maximumMessages > 0 && maximumBytes > 0)
        self.maximumMessages = maximumMessages
        self.maximumBytes = maximumBytes
    }

    public var count: Int { messages.count }
    public var isEmpty: Bool { messages.isEmpty }

    /// Queues `message`, replacing one waiting for the same topic.
    public mutating func enqueue(_ message: MQTTPublish) {
        if let old = messages.removeValue(forKey: message.topic) { byteCount -= Self.size(old.message) }
        messages[message.topic] = Entry(sequence: nextSequence, message: message)
        order.append((nextSequence, message.topic))
        nextSequence += 1
        byteCount += Self.size(message)
        while messages.count > maximumMessages || (byteCount > maximumBytes && messages.count > 1) {
            guard popOldest() != nil else { break }
            droppedCount += 1
        }
        compactOrderIfMostlyStale()
    }

    /// Removes and returns up to `limit` messages, oldest first.
    public mutating func dequeue(upTo limit: Int) -> [MQTTPublish] {
        var taken: [MQTTPublish] = []
        while taken.count < limit, let message = popOldest() { taken.append(message) }
        compactOrderIfMostlyStale()
        return taken
    }

    private mutating func popOldest() -> MQTTPublish? {
        while orderHead < order.count {
            let (sequence, topic) = order[orderHead]
            orderHead += 1
            if let entry = messages[topic], entry.sequence == sequence {
                messages.removeValue(forKey: topic)
                byteCount -= Self.size(entry.message)
                return entry.message
            }
        }
        return nil
    }

    private mutating func compactOrderIfMostlyStale() {
        guard order.count > 64, order.count > 2 * messages.count else { return }
        order = order[orderHead...].filter { messages[$0.topic]?.sequence == $0.sequence }
        orderHead = 0
    }

    private static func size(_ message: MQTTPublish) -> Int {
        message.topic.utf8.count + message.payload.count
    }
}
