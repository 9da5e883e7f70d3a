import ChargingModel
import Chronology
import Foundation
import HTTP
import HTTPClient
import InputSources
import Testing

@testable import Tariffs

@Suite struct ProviderParsingTests {
    func date(_ text: String) -> Date { RFC3339.parse(text)! }

    @Test func awattarMillisecondsAndEurosPerMegawattHour() throws {
        let slots = try AwattarProvider(country: "de").slots(from: ProviderFixtures.ok(ProviderFixtures.awattar))
        #expect(
            slots == [
                PriceSlot(start: date("2026-12-02T22:00:00Z"), end: date("2026-12-02T23:00:00Z"), price: 0.0985),
                PriceSlot(start: date("2026-12-02T23:00:00Z"), end: date("2026-12-03T00:00:00Z"), price: -0.004),
            ])
        let request = try #require(
            try AwattarProvider(country: "at").requests(around: date("2026-12-02T22:40:00Z")).first)
        #expect(request.url.description == "https://api.awattar.at/v1/marketdata?start=1796248800000&end=1796421600000")
    }

    @Test func entsoeQuarterHoursWithAnOmittedPointHoldThePreviousPrice() throws {
        let slots = try EntsoeProvider(token: "t", zone: "10Y1001A1001A82H").slots(
            from: ProviderFixtures.ok(ProviderFixtures.entsoeQuarterHours))
        #expect(
            slots == [
                PriceSlot(start: date("2026-12-02T23:00:00Z"), end: date("2026-12-02T23:15:00Z"), price: 0.08),
                PriceSlot(start: date("2026-12-02T23:15:00Z"), end: date("2026-12-02T23:45:00Z"), price: 0.06),
                PriceSlot(start: date("2026-12-02T23:45:00Z"), end: date("2026-12-03T00:00:00Z"), price: 0.12),
            ])
    }

    @Test func entsoeDaylightSavingDayHasTwentyFiveHours() throws {
        let slots = try EntsoeProvider(token: "t", zone: "10Y1001A1001A82H").slots(
            from: ProviderFixtures.ok(ProviderFixtures.entsoeDaylightSavingEnd))
        #expect(slots.count == 25)
        #expect(slots.first?.start == date("2026-10-24T22:00:00Z"))
        #expect(slots.last?.end == date("2026-10-25T23:00:00Z"))
        #expect(slots.last?.price == 0.025)
    }

    @Test func entsoeRequestAndAcknowledgement() throws {
        let provider = EntsoeProvider(token: "a b", zone: "10YAT-APG------L")
        let request = try #require(try provider.requests(around: date("2026-12-02T22:40:00Z")).first)
        #expect(
            request.url.description
                == "https://web-api.tp.entsoe.eu/api?securityToken=a%20b&documentType=A44&in_Domain=10YAT-APG------L&out_Domain=10YAT-APG------L&periodStart=202612010000&periodEnd=202612040000"
        )
        #expect(throws: TariffFetchError("ENTSO-E: No matching data found for Data item Day-ahead Prices")) {
            try provider.slots(from: ProviderFixtures.ok(ProviderFixtures.entsoeAcknowledgement, status: .badRequest))
        }
    }

    @Test func octopusPenceBecomePoundsAndNewestFirstIsRead() throws {
        let provider = OctopusProvider(productCode: "AGILE-24-10-01", tariffCode: "E-1R-AGILE-24-10-01-C")
        let slots = try provider.slots(from: ProviderFixtures.ok(ProviderFixtures.octopus))
        #expect(
            Set(slots) == [
                PriceSlot(start: date("2026-12-03T00:30:00Z"), end: date("2026-12-03T01:00:00Z"), price: 0.21),
                PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T00:30:00Z"), price: -0.021),
            ])
        let request = try #require(try provider.requests(around: date("2026-12-02T22:40:00Z")).first)
        #expect(
            request.url.description
                == "https://api.octopus.energy/v1/products/AGILE-24-10-01/electricity-tariffs/E-1R-AGILE-24-10-01-C/standard-unit-rates/?period_from=2026-12-02T22%3A30%3A00Z&period_to=2026-12-04T22%3A30%3A00Z&page_size=1500"
        )
    }

    @Test func tibberPostsTheQueryWithItsTokenAndEntriesLastUntilTheNext() throws {
        let provider = TibberProvider(token: "TOKEN")
        let request = try #require(try provider.requests(around: Date()).first)
        #expect(request.method == "POST")
        #expect(request.headers.first(where: { $0.name == "Authorization" })?.value == "Bearer TOKEN")
        #expect(String(decoding: request.body, as: UTF8.self).contains("priceInfo"))
        let slots = try provider.slots(from: ProviderFixtures.ok(ProviderFixtures.tibber))
        #expect(
            slots == [
                PriceSlot(start: date("2026-12-02T23:00:00Z"), end: date("2026-12-03T00:00:00Z"), price: 0.2512),
                PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T01:00:00Z"), price: 0.2216),
            ])
        #expect(throws: TariffFetchError("Tibber: invalid token")) {
            try provider.slots(from: ProviderFixtures.ok(ProviderFixtures.tibberError))
        }
    }

    @Test func nordpoolAsksPerDeliveryDayAndTakesNoContentAsNotYetPublished() throws {
        let provider = NordpoolProvider(area: "SE3", currency: "SEK")
        // 23:40 UTC on 2 December is 00:40 on 3 December in Oslo: the days asked are the 3rd and 4th.
        let requests = try provider.requests(around: date("2026-12-02T23:40:00Z"))
        #expect(
            requests.map(\.url.target) == [
                "/api/DayAheadPrices?date=2026-12-03&market=DayAhead&deliveryArea=SE3&currency=SEK",
                "/api/DayAheadPrices?date=2026-12-04&market=DayAhead&deliveryArea=SE3&currency=SEK",
            ])
        let slots = try provider.slots(from: ProviderFixtures.ok(ProviderFixtures.nordpool))
        #expect(slots.map(\.price) == [0.5123, 0.498])
        #expect(slots.map { $0.end.timeIntervalSince($0.start) } == [900, 900])
        #expect(try provider.slots(from: HTTPResponse(status: .noContent)) == [])
        #expect(throws: TariffFetchError("currency: asked for EUR, answered SEK")) {
            try NordpoolProvider(area: "SE3", currency: "EUR").slots(
                from: ProviderFixtures.ok(ProviderFixtures.nordpool))
        }
    }

    @Test func genericHTTPReadsThePathAndFieldsWithEpochOrTextTimes() throws {
        let body = """
            {"result":{"prices":[{"from":1796248800,"price":"0.25"},{"from":"2026-12-03T01:00:00+01:00","price":0.2}]}}
            """
        let provider = GenericHTTPProvider(
            url: try HTTPURL("http://127.0.0.1/prices"), path: JSONPath("result.prices"), start: "from", end: nil,
            price: "price")
        // Without `end`: each lasts until the next; the last for the step between the last two.
        #expect(
            try provider.slots(from: ProviderFixtures.ok(body)) == [
                PriceSlot(start: date("2026-12-02T22:00:00Z"), end: date("2026-12-03T00:00:00Z"), price: 0.25),
                PriceSlot(start: date("2026-12-03T00:00:00Z"), end: date("2026-12-03T02:00:00Z"), price: 0.2),
            ])
        #expect(throws: TariffFetchError("result.prices[1].price: expected a number, found null")) {
            try provider.slots(
                from: ProviderFixtures.ok(#"{"result":{"prices":[{"from":1,"price":1},{"from":2,"price":null}]}}"#))
        }
        #expect(throws: TariffFetchError("HTTP 503 Service Unavailable")) {
            try provider.slots(from: ProviderFixtures.ok("{}", status: .serviceUnavailable))
        }
    }
}
