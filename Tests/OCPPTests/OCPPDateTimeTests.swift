import Foundation
import OCPP
import Testing

@testable import OCPP

@Suite struct OCPPDateTimeTests {
    @Test(arguments: [
        ("2026-11-25T08:00:00Z", 1_795_593_600.0),
        ("2026-11-25T09:00:00+01:00", 1_795_593_600.0),
        ("2026-11-25T03:30:00-04:30", 1_795_593_600.0),
        ("2026-11-25t08:00:00z", 1_795_593_600.0),
        ("2026-11-25T08:00:00.123Z", 1_795_593_600.123),
        ("2026-11-25T08:00:00.1Z", 1_795_593_600.1),
        ("2026-11-25T08:00:00.123456789Z", 1_795_593_600.123),
        ("2026-11-25T08:00:00.9996Z", 1_795_593_601.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T12:00:00Z", 1_709_208_000.0),
        ("2000-03-01T00:00:00Z", 951_868_800.0),
    ])
    func parsesRFC3339(_ text: String, _ seconds: Double) throws {
        let date = try #require(OCPPDateTime.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-11-25T08:00:00", "2026-11-25 08:00:00Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T08:60:00Z", "2026-11-25T08:00Z",
        "2026-11-25T08:00:00.Z", "2026-11-25T08:00:00+0100", "2026-11-25T08:00:00+01", "26-11-25T08:00:00Z",
        "2026-11-25T08:00:00ZZ", "", "2026-11-25", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
    ])
    func rejectsWhatIsNotRFC3339(_ text: String) {
        #expect(OCPPDateTime.parse(text) == nil)
    }

    @Test func readsAMissingOffsetAsUTCOnlyWhenAsked() {
        #expect(OCPPDateTime.parse("2026-11-25T08:00:00") == nil)
        #expect(
            OCPPDateTime.parse("2026-11-25T08:00:00", requiringOffset: false)
                == Date(timeIntervalSince1970: 1_795_593_600))
    }

    @Test func formatsInUTCWithMillisecondsOnlyWhenThereAreAny() {
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 1_795_593_600)) == "2026-11-25T08:00:00Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 1_795_593_600.123)) == "2026-11-25T08:00:00.123Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 1_795_593_600.0004)) == "2026-11-25T08:00:00Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 1_709_208_000)) == "2024-02-29T12:00:00Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func formatsWhatDateFormatterWouldForEveryDayOfFourHundredYears() {
        // One date per 97 days over 1900-2300: covers every month, leap rule and century.
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var seconds = -2_208_988_800.0
        while seconds < 10_413_792_000 {
            let date = Date(timeIntervalSince1970: seconds)
            let text = OCPPDateTime.format(date)
            #expect(text == formatter.string(from: date))
            #expect(OCPPDateTime.parse(text) == date)
            seconds += 97 * 86_400 + 3_661
        }
    }

    @Test func clampsDatesRFC3339CannotExpress() {
        #expect(OCPPDateTime.format(.distantFuture) == "4001-01-01T00:00:00Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(OCPPDateTime.format(Date(timeIntervalSince1970: -1e15)) == "0000-01-01T00:00:00Z")
    }
}
