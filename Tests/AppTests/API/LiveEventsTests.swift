import JSON
import Testing

@testable import App

/// The hub of `GET /api/events`: numbering, resumption with `Last-Event-ID`, and its refusals.
@Suite struct LiveEventsTests {
    /// Subscribes a stream that keeps what it is handed.
    func subscribe(_ events: LiveEvents, after lastEventId: String? = nil) -> (Int, LiveEvents.Start) {
        events.subscribe(lastEventId: lastEventId) { _ in }
    }

    func ids(_ start: LiveEvents.Start) -> [String]? {
        if case .resume(let missed) = start { return missed.map(\.data) }
        return nil
    }

    @Test func aClientThatComesBackGetsExactlyWhatItMissed() {
        let events = LiveEvents()
        _ = subscribe(events)
        events.publish("input", .number(1))
        events.publish("input", .number(2))
        events.publish("input", .number(3))
        let (_, start) = subscribe(events, after: lastId(events, back: 2))
        #expect(ids(start) == ["2", "3"])
        let (_, upToDate) = subscribe(events, after: lastId(events, back: 0))
        #expect(ids(upToDate) == [])
    }

    @Test func aFirstConnectionOrAnIdFromAnotherProcessGetsTheWholeState() {
        let events = LiveEvents()
        _ = subscribe(events)
        events.publish("input", .number(1))
        #expect(ids(subscribe(events).1) == nil)
        #expect(ids(subscribe(events, after: "other-1").1) == nil)
        #expect(ids(subscribe(events, after: "garbage").1) == nil)
    }

    @Test func anEventMadeWhileNobodyListenedBreaksResumptionAcrossIt() {
        let events = LiveEvents()
        let (token, _) = subscribe(events)
        events.publish("input", .number(1))
        let last = lastId(events, back: 0)
        events.unsubscribe(token)
        #expect(!events.hasSubscribers)
        events.publish("input", .number(2))
        #expect(ids(subscribe(events, after: last).1) == nil)
    }

    @Test func aClientThatMissedMoreThanTheBufferHoldsGetsTheWholeState() {
        let events = LiveEvents(capacity: 3)
        _ = subscribe(events)
        events.publish("input", .number(0))
        let old = lastId(events, back: 0)
        for value in 1...5 { events.publish("input", .number(Double(value))) }
        #expect(ids(subscribe(events, after: old).1) == nil)
        #expect(ids(subscribe(events, after: lastId(events, back: 3)).1) == ["3", "4", "5"])
    }

    @Test func anEventIsOneSSEMessageWithItsIdNameAndOneDataLine() {
        let event = LiveEvent(id: "e-7", name: "input", data: #"{"a":"x\ny"}"#)
        #expect(event.wireText == "id: e-7\nevent: input\ndata: {\"a\":\"x\\ny\"}\n\n")
    }

    /// The id of the event `back` events before the latest (ids are `EPOCH-N`, N counting up).
    private func lastId(_ events: LiveEvents, back: Int) -> String {
        let latest = events.latestId!
        let separator = latest.firstIndex(of: "-")!
        return "\(latest[..<separator])-\(Int(latest[latest.index(after: separator)...])! - back)"
    }
}
