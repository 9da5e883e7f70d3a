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

    @Test func theBurstWindowGrowsWhileAFloodLastsAndIsShortAgainAfterIt() {
        let events = LiveEvents(burstWindow: nil, longestBurstWindow: 0.8)
        _ = subscribe(events)
        #expect(events.currentBurstWindow == 0.1)
        // 1,000 events a second or more: each burst twice as long as the one before, up to 0.8 s.
        var windows: [Double] = []
        for _ in 1...6 {
            let flood = Int(events.currentBurstWindow * 1000)
            for index in 0..<flood {
                events.publish("charger", .number(Double(index)), key: "charger:c\(index)")
            }
            events.flush()
            windows.append(events.currentBurstWindow)
        }
        #expect(windows == [0.2, 0.4, 0.8, 0.8, 0.8, 0.8])
        // A burst below that rate: a tenth of a second again.
        events.publish("input", .number(1), key: "input")
        events.flush()
        #expect(events.currentBurstWindow == 0.1)
    }

    @Test func aClientThatComesBackAfterAFloodGetsTheLatestStateOfEachCharger() {
        let events = LiveEvents(capacity: 10_000, burstWindow: nil)
        _ = subscribe(events)
        let chargers = (0..<300).map { "charger:c\($0)" }
        for charger in chargers { events.publish("charger", .string("\(charger) booted"), key: charger) }
        events.flush()
        let last = lastId(events, back: 0)
        var known = Dictionary(uniqueKeysWithValues: chargers.map { ($0, "\($0) booted") })

        // Away while a flood goes on: every charger changes several times, and every other one
        // ends where it began (so its last change is not sent: the client has that state).
        var latest = known
        for round in 0..<4 {
            for (index, charger) in chargers.enumerated() {
                let state = index.isMultiple(of: 2) && round == 3 ? "\(charger) booted" : "\(charger) round \(round)"
                events.publish("charger", .string(state), key: charger)
                latest[charger] = state
            }
            events.flush()
        }

        guard case .resume(let missed) = subscribe(events, after: last).1 else {
            Issue.record("a client that missed fewer events than the buffer holds resumes")
            return
        }
        // What the client knows, once it applied what it missed, is the latest state of each.
        for event in missed {
            let state = (try? JSONParser.parse(Array(event.data.utf8)))?.stringValue ?? ""
            known[String(state.prefix { $0 != " " })] = state
        }
        #expect(known == latest)
    }

    @Test func aStateTheSameAsTheLastOneSentIsNotSentAgain() {
        let events = LiveEvents(burstWindow: nil)
        let stream = ReceivedLiveEvents()
        stream.subscribe(to: events)
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.flush()
        // The set-up ends without changing the object; a decision comes in the same burst.
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.publish("decision", .string("garage limited"))
        events.flush()
        // A change and a change back within one burst: the client has that state already.
        events.publish("charger", .string("garage charging"), key: "charger:garage")
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.flush()
        events.publish("charger", .string("garage charging"), key: "charger:garage")
        events.flush()

        #expect(
            stream.events.map(\.data) == [#""garage booted""#, #""garage limited""#, #""garage charging""#])
        #expect(stream.events.map { number($0.id) } == Array(1...3))
    }

    @Test func aStreamThatStartsFromTheWholeStateGetsTheNextStateOfEachEvenIfUnchanged() {
        let events = LiveEvents(burstWindow: nil)
        let first = ReceivedLiveEvents()
        first.subscribe(to: events)
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.flush()
        // A new stream starts from the whole state, built later than this point: the garage may
        // have changed and changed back in between, so the next object is sent to be sure.
        let second = ReceivedLiveEvents()
        second.subscribe(to: events)
        events.publish("charger", .string("garage booted"), key: "charger:garage")
        events.flush()
        #expect(second.events.map(\.data) == [#""garage booted""#])
        #expect(first.events.count == 2)

        // Events made while nobody listened: the same.
        let alone = LiveEvents(burstWindow: nil)
        let (token, _) = subscribe(alone)
        alone.publish("charger", .string("garage booted"), key: "charger:garage")
        alone.flush()
        alone.unsubscribe(token)
        alone.publish("charger", .string("garage charging"), key: "charger:garage")
        let returning = ReceivedLiveEvents()
        returning.subscribe(to: alone, after: lastId(alone, back: 0))
        alone.publish("charger", .string("garage booted"), key: "charger:garage")
        alone.flush()
        #expect(returning.events.map(\.data) == [#""garage booted""#])
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
        let event = LiveEvent(id: "e-7", pending: PendingLiveEvent(name: "input", data: #"{"a":"x\ny"}"#, key: nil))
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
