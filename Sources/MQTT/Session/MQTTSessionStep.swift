/// The result of feeding the session something: packets to write (in order), events for the
/// owner, and whether the connection must be closed (after writing `send`).
public struct MQTTSessionStep: Sendable, Hashable {
    public var send: [MQTTPacket] = []
    public var events: [MQTTSessionEvent] = []
    public var failure: MQTTSessionFailure?

    public init(send: [MQTTPacket] = [], events: [MQTTSessionEvent] = [], failure: MQTTSessionFailure? = nil) {
        self.send = send
        self.events = events
        self.failure = failure
    }
}
