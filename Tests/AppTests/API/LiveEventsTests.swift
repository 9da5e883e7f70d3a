import ChargingModel
import JSON
import Store
import Testing

@testable import App

/// The hub of `GET /api/events`: bursts and what they fold, numbering, resumption with
/// `Last-Event-ID`, and its refusals. Each hub here sends a burst only when the test says
/// (`burstWindow: nil`, then `flush()`).
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
        let events = LiveEvents(burstWindow: nil)
        _ = subscribe(events)
        for value in 1...3 {
            events.publish("input", .number(Double(value)))
            events.flush()
        }
        let (_, start) = subscribe(events, after: lastId(events, back: 2))
        #expect(ids(start) == ["2", "3"])
        let (_, upToDate) = subscribe(events, after: lastId(events, back: 0))
        #expect(ids(upToDate) == [])
    }

    @Test func aFirstConnectionOrAnIdFromAnotherProcessGetsTheWholeState() {
        let events = LiveEvents(burstWindow: nil)
        _ = subscribe(events)
        events.publish("input", .number(1))
        events.flush()
        #expect(ids(subscribe(events).1) == nil)
        #expect(ids(subscribe(events, after: "other-1").1) == nil)
        #expect(ids(subscribe(events, after: "garbage").1) == nil)
    }

    @Test func anEventMadeWhileNobodyListenedBreaksResumptionAcrossIt() {
        let events = LiveEvents(burstWindow: nil)
        let (token, _) = subscribe(events)
        events.publish("input", .number(1))
        events.flush()
        let last = lastId(events, back: 0)
        events.unsubscribe(token)
        #expect(!events.hasSubscribers)
        events.publish("input", .number(2))
        events.flush()
        #expect(ids(subscribe(events, after: last).1) == nil)
    }

    @Test func aClientThatMissedMoreThanTheBufferHoldsGetsTheWholeState() {
        let events = LiveEvents(capacity: 3, burstWindow: nil)
        _ = subscribe(events)
        events.publish("input", .number(0))
        events.flush()
        let old = lastId(events, back: 0)
        for value in 1...5 {
            events.publish("input", .number(Double(value)))
            events.flush()
        }
        #expect(ids(subscribe(events, after: old).1) == nil)
        #expect(ids(subscribe(events, after: lastId(events, back: 3)).1) == ["3", "4", "5"])
    }

    @Test func aBurstReachesEachStreamAsOneWriteWithOnlyTheLatestStateOfEachCharger() {
        let events = LiveEvents(burstWindow: nil)
        let stream = ReceivedLiveEvents()
        stream.subscribe(to: events)
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.publish("decision", .string("garage limited"))
        events.publish("charger", .string("carport booted"), key: "charger:carport")
        events.publish("charger", .string("garage configured"), key: "charger:garage")
        events.publish("command", .string("garage answered"))
        events.publish("charger", .string("garage charging"), key: "charger:garage")
        events.flush()

        let batches = stream.batches
        #expect(batches.count == 1)
        let batch = batches[0]
        #expect(
            batch.events.map(\.data) == [
                #""garage limited""#, #""carport booted""#, #""garage answered""#, #""garage charging""#,
            ])
        #expect(batch.wire == batch.events.flatMap(\.wire))
        // Numbered as sent: a replaced state takes no number, so the ids have no holes.
        #expect(batch.events.map { number($0.id) } == Array(1...4))
    }

    @Test func aClientThatComesBackAfterABurstWasFoldedGetsTheLatestStateOfEachCharger() {
        let events = LiveEvents(burstWindow: nil)
        _ = subscribe(events)
        events.publish("charger", .string("garage available"), key: "charger:garage")
        events.flush()
        let last = lastId(events, back: 0)
        // The client is away while the garage changes three times in one burst.
        events.publish("charger", .string("garage preparing"), key: "charger:garage")
        events.publish("decision", .string("garage may start"))
        events.publish("charger", .string("garage charging"), key: "charger:garage")
        events.publish("charger", .string("garage limited"), key: "charger:garage")
        events.flush()

        let (_, start) = subscribe(events, after: last)
        #expect(ids(start) == [#""garage may start""#, #""garage limited""#])
    }

    @Test func theSetUpsCommandsAreNotStreamedAndEveryOtherCommandIs() {
        let events = LiveEvents(burstWindow: nil)
        let feed = LiveEventFeed(events: events, dependencies: APIHarness().dependencies)
        let stream = ReceivedLiveEvents()
        stream.subscribe(to: events)
        for source in [CommandSource.setup, .scheduler, .api, .mqtt] {
            feed.commandRecorded(
                CommandRecord(
                    chargerId: "garage", action: "ChangeConfiguration", payload: .object(JSONObject()), source: source,
                    sentAt: APIHarness.now, outcome: .status("Accepted")))
        }
        events.flush()

        let sources = stream.events.map { event in
            (try? JSONParser.parse(Array(event.data.utf8)))?["source"]?.stringValue
        }
        #expect(sources == ["scheduler", "api", "mqtt"])
    }

    @Test func anEventIsOneSSEMessageWithItsIdNameAndOneDataLine() {
        let event = LiveEvent(id: "e-7", name: "input", data: #"{"a":"x\ny"}"#)
        #expect(event.wireText == "id: e-7\nevent: input\ndata: {\"a\":\"x\\ny\"}\n\n")
    }

    /// N of an id `EPOCH-N`.
    private func number(_ id: String) -> Int {
        Int(id[id.index(after: id.firstIndex(of: "-")!)...])!
    }

    /// The id of the event `back` events before the latest (ids are `EPOCH-N`, N counting up).
    private func lastId(_ events: LiveEvents, back: Int) -> String {
        let latest = events.latestId!
        let separator = latest.firstIndex(of: "-")!
        return "\(latest[..<separator])-\(Int(latest[latest.index(after: separator)...])! - back)"
    }
}
