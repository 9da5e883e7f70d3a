import Chronology
import Foundation
import JSON
import Testing

@testable import Scheduling

@Suite struct TariffScheduleTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    static func utc(_ text: String) -> Date { RFC3339.parse(text)! }

    static func schedule(_ periods: [TariffPeriod]) -> TariffSchedule {
        TariffSchedule(defaultPrice: 0.30, periods: periods, timeZone: amsterdam)
    }

    static let night = TariffPeriod(from: ClockTime("00:30")!, to: ClockTime("06:30")!, price: 0.11)

    @Test func pushedBeatsPeriodBeatsDefault() throws {
        var tariff = Self.schedule([Self.night])
        try tariff.push([
            TariffSlot(start: Self.utc("2026-11-25T00:00:00Z"), end: Self.utc("2026-11-25T01:00:00Z"), price: 0.05)
        ])
        // 2026-11-25 is a Wednesday; Amsterdam is UTC+1 in November.
        #expect(tariff.priceAndSource(at: Self.utc("2026-11-25T00:30:00Z")) == (0.05, .pushed))
        #expect(tariff.priceAndSource(at: Self.utc("2026-11-25T01:00:00Z")) == (0.11, .period))
        #expect(tariff.priceAndSource(at: Self.utc("2026-11-25T05:29:59Z")) == (0.11, .period))
        #expect(tariff.priceAndSource(at: Self.utc("2026-11-25T05:30:00Z")) == (0.30, .fallback))
        #expect(tariff.priceAndSource(at: Self.utc("2026-11-24T23:29:00Z")) == (0.30, .fallback))
    }

    @Test(arguments: [
        // 22:00..06:00 on Friday only: Friday evening and the small hours of Saturday.
        ("2026-11-27T20:59:00Z", 0.30), ("2026-11-27T21:00:00Z", 0.20), ("2026-11-28T04:59:00Z", 0.20),
        ("2026-11-28T05:00:00Z", 0.30), ("2026-11-28T21:00:00Z", 0.30), ("2026-11-27T03:00:00Z", 0.30),
    ])
    func periodsWrapPastMidnightBelongingToTheirStartDay(instant: String, price: Double) {
        let friday = TariffPeriod(
            from: ClockTime("22:00")!, to: ClockTime("06:00")!, price: 0.20, days: WeekdaySet("fri")!)
        #expect(Self.schedule([friday]).price(at: Self.utc(instant)) == price)
    }

    @Test func theFirstMatchingPeriodWinsAnd2400EndsTheDay() {
        let evening = TariffPeriod(from: ClockTime("18:00")!, to: ClockTime("24:00")!, price: 0.40)
        let late = TariffPeriod(from: ClockTime("23:00")!, to: ClockTime("24:00")!, price: 0.10)
        let tariff = Self.schedule([evening, late])
        #expect(tariff.price(at: Self.utc("2026-11-25T22:59:59Z")) == 0.40)
        #expect(tariff.price(at: Self.utc("2026-11-25T23:00:00Z")) == 0.30)
    }

    @Test func periodsFollowLocalTimeAcrossTheSpringDSTChange() {
        // 2026-03-29: Amsterdam goes from UTC+1 to UTC+2 at 01:00Z; 06:30 local is then 04:30Z.
        let tariff = Self.schedule([Self.night])
        #expect(tariff.price(at: Self.utc("2026-03-28T23:30:00Z")) == 0.11)
        #expect(tariff.price(at: Self.utc("2026-03-29T04:29:00Z")) == 0.11)
        #expect(tariff.price(at: Self.utc("2026-03-29T04:30:00Z")) == 0.30)
        #expect(tariff.price(at: Self.utc("2026-03-28T05:29:00Z")) == 0.11)
        // The local day of 2026-03-29 has 23 hours: 92 quarter hours. 00:30..06:30 local skips the
        // missing hour 02:00..03:00, so it lasts five real hours: 20 quarter hours.
        let day = tariff.quarterHourSlots(from: Self.utc("2026-03-28T23:00:00Z"), to: Self.utc("2026-03-29T22:00:00Z"))
        #expect(day.count == 92)
        #expect(day.filter { $0.price == 0.11 }.count == 20)
    }

    @Test func periodsFollowLocalTimeAcrossTheAutumnDSTChange() {
        // 2026-10-25: Amsterdam goes back from UTC+2 to UTC+1 at 01:00Z; 02:00..03:00 local happens
        // twice, so 00:30..06:30 local lasts seven real hours: from 22:30Z to 05:30Z.
        let tariff = Self.schedule([Self.night])
        let night = tariff.quarterHourSlots(
            from: Self.utc("2026-10-24T22:00:00Z"), to: Self.utc("2026-10-25T06:00:00Z"))
        #expect(night.filter { $0.price == 0.11 }.map(\.start).first == Self.utc("2026-10-24T22:30:00Z"))
        #expect(night.filter { $0.price == 0.11 }.count == 28)
        #expect(tariff.price(at: Self.utc("2026-10-25T05:29:00Z")) == 0.11)
        #expect(tariff.price(at: Self.utc("2026-10-25T05:30:00Z")) == 0.30)
    }

    @Test func aLaterPushWinsWhereItOverlaps() throws {
        var tariff = Self.schedule([])
        try tariff.push([
            TariffSlot(start: Self.utc("2026-11-25T00:00:00Z"), end: Self.utc("2026-11-25T03:00:00Z"), price: 0.10)
        ])
        try tariff.push([
            TariffSlot(start: Self.utc("2026-11-25T01:00:00Z"), end: Self.utc("2026-11-25T02:00:00Z"), price: 0.50)
        ])
        #expect(
            tariff.pushedSlots == [
                TariffSlot(start: Self.utc("2026-11-25T00:00:00Z"), end: Self.utc("2026-11-25T01:00:00Z"), price: 0.10),
                TariffSlot(start: Self.utc("2026-11-25T01:00:00Z"), end: Self.utc("2026-11-25T02:00:00Z"), price: 0.50),
                TariffSlot(start: Self.utc("2026-11-25T02:00:00Z"), end: Self.utc("2026-11-25T03:00:00Z"), price: 0.10),
            ])
        tariff.removePushedSlots(endingBefore: Self.utc("2026-11-25T02:00:00Z"))
        #expect(tariff.pushedSlots.count == 1)
    }

    @Test(arguments: [
        ("{}", "expected an array of {start, end, price}"),
        ("[1]", "[0]: expected an object"),
        ("[{\"start\":\"2026-11-25T00:00:00Z\",\"price\":1}]", "[0].end: missing"),
        (
            "[{\"start\":\"yesterday\",\"end\":\"2026-11-25T00:00:00Z\",\"price\":1}]",
            "[0].start: expected an ISO 8601 timestamp"
        ),
        (
            "[{\"start\":\"2026-11-25T00:00:00Z\",\"end\":\"2026-11-25T00:00:00Z\",\"price\":1}]",
            "[0].end: must be after start"
        ),
        (
            "[{\"start\":\"2026-11-25T00:00:00Z\",\"end\":\"2026-11-25T01:00:00Z\",\"price\":\"1\"}]",
            "[0].price: expected a number from -1000000 to 1000000"
        ),
        (
            "[{\"start\":\"2026-11-25T00:00:00Z\",\"end\":\"2026-11-25T01:00:00Z\",\"price\":1},"
                + "{\"start\":\"2026-11-25T00:30:00+01:00\",\"end\":\"2026-11-25T02:00:00Z\",\"price\":2}]",
            "[1]: overlaps [0]"
        ),
    ])
    func pushedSlotsAreValidated(body: String, message: String) throws {
        let json = try JSONParser.parse(body)
        #expect(throws: (any Error).self) { try TariffSlot.slots(fromJSON: json) }
        do {
            _ = try TariffSlot.slots(fromJSON: json)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func pushedSlotsParseOffsetsAndFractions() throws {
        let json = try JSONParser.parse(
            "[{\"start\":\"2026-11-25T01:00:00+01:00\",\"end\":\"2026-11-25T01:00:00.000Z\",\"price\":0.12}]")
        #expect(
            try TariffSlot.slots(fromJSON: json) == [
                TariffSlot(start: Self.utc("2026-11-25T00:00:00Z"), end: Self.utc("2026-11-25T01:00:00Z"), price: 0.12)
            ])
    }

    @Test func quarterHourSlotsStartOnAQuarterAndMergeEqualNeighbours() {
        let tariff = Self.schedule([Self.night])
        let slots = tariff.quarterHourSlots(
            from: Self.utc("2026-11-24T23:07:00Z"), to: Self.utc("2026-11-24T23:45:00Z"))
        #expect(slots.map(\.start) == ["23:00", "23:15", "23:30"].map { Self.utc("2026-11-24T\($0):00Z") })
        #expect(slots.map(\.price) == [0.30, 0.30, 0.11])
        #expect(
            TariffSchedule.merged(slots) == [
                TariffSlot(start: Self.utc("2026-11-24T23:00:00Z"), end: Self.utc("2026-11-24T23:30:00Z"), price: 0.30),
                TariffSlot(start: Self.utc("2026-11-24T23:30:00Z"), end: Self.utc("2026-11-24T23:45:00Z"), price: 0.11),
            ])
    }
}
