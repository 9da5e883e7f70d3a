/// A packet a test waited for did not reach the `FakeMQTTBroker` in time.
struct FakeMQTTBrokerTimeout: Error, CustomStringConvertible {
    var waitedFor: String
    var received: [String]

    var description: String { "no \(waitedFor) arrived; the broker received: \(received.joined(separator: ", "))" }
}
