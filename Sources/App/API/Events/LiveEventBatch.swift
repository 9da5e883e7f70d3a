/// The events of one burst, in order, and their bytes as a stream writes them: encoded once, and
/// written with one write by every open stream.
struct LiveEventBatch: Sendable {
    let events: [LiveEvent]
    let wire: [UInt8]

    init(_ events: [LiveEvent]) {
        self.events = events
        if events.count == 1 {
            wire = events[0].wire
        } else {
            var wire: [UInt8] = []
            wire.reserveCapacity(events.reduce(0) { $0 + $1.wire.count })
            for event in events { wire += event.wire }
            self.wire = wire
        }
    }
}
