import Chronology
import Foundation
import TestSupport
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2026-11-25T08:00:00Z", 1_795_593_600.0),
        ("2026-11-25T09:00:00+01:00", 1_795_593_600.0),
        ("2026-11-25T03:30:00-04:30", 1_795_593_600.0),
        ("2026-11-25t08:00:00z", 1_795_593_600.0),
        ("2026-11-25T08:00:00.123Z", 1_795_593_600.123),
        ("2026-11-25T08:00:00.1Z", 1_795_593_600.1),
        ("2026-11-25T08:00:00.123456789Z", 1_795_593_600.123),
        ("2026-11-25T08:00:00.9996Z", 1_795_593_601.0),
        ("2026-11-25T08:00:60Z", 1_795_593_660.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T12:00:00Z", 1_709_208_000.0),
        ("2000-03-01T00:00:00Z", 951_868_800.0),
    ])
    func parsesRFC3339(_ text: String, _ seconds: Double) throws {
        let date = try #require(RFC3339.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-11-25T08:00:00", "2026-11-25 08:00:00Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T08:60:00Z", "2026-11-25T08:00Z",
        "2026-11-25T08:00:00.Z", "2026-11-25T08:00:00+0100", "2026-11-25T08:00:00+01", "26-11-25T08:00:00Z",
        "2026-11-25T08:00:00ZZ", "", "2026-11-25", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
        "2026-11-25T08:00:00 Z", "2026-11-25T08:00:00,5Z", "2026-11-25T08:00:61Z",
    ])
    func rejectsWhatIsNotRFC3339(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func readsAMissingOffsetAsUTCOnlyWhenAsked() {
        #expect(RFC3339.parse("2026-11-25T08:00:00") == nil)
        #expect(
            RFC3339.parse("2026-11-25T08:00:00", options: .offsetOptional) == Date(timeIntervalSince1970: 1_795_593_600)
        )
    }

    @Test func takesASpaceForTOnlyWhenAsked() {
        #expect(RFC3339.parse("2026-11-25 08:00:00Z") == nil)
        #expect(
            RFC3339.parse("2026-11-25 08:00:00Z", options: .spaceSeparator)
                == Date(timeIntervalSince1970: 1_795_593_600))
        #expect(
            RFC3339.parse("2026-11-25 09:00:00", options: [.spaceSeparator, .offsetOptional])
                == Date(timeIntervalSince1970: 1_795_597_200))
        #expect(RFC3339.parse("2026-11-25_08:00:00Z", options: .spaceSeparator) == nil)
    }

    @Test func leavesOutSecondsOnlyWhenAsked() {
        #expect(RFC3339.parse("2026-11-25T09:00+01:00") == nil)
        #expect(
            RFC3339.parse("2026-11-25T09:00+01:00", options: .secondsOptional)
                == Date(timeIntervalSince1970: 1_795_593_600))
        #expect(
            RFC3339.parse("2026-11-25T08:00:00.5Z", options: .secondsOptional)?.timeIntervalSince1970 == 1_795_593_600.5
        )
        #expect(RFC3339.parse("2026-11-25T08:00.5Z", options: .secondsOptional) == nil)
        #expect(RFC3339.parse("2026-11-25T08:00:Z", options: .secondsOptional) == nil)
    }

    @Test func formatsInUTCInThreeWidths() {
        let whole = Date(timeIntervalSince1970: 1_795_593_600)
        let fraction = Date(timeIntervalSince1970: 1_795_593_600.123)
        #expect(RFC3339.format(whole, fraction: .millisecondsIfAny) == "2026-11-25T08:00:00Z")
        #expect(RFC3339.format(fraction, fraction: .millisecondsIfAny) == "2026-11-25T08:00:00.123Z")
        #expect(RFC3339.format(whole, fraction: .milliseconds) == "2026-11-25T08:00:00.000Z")
        #expect(RFC3339.format(fraction, fraction: .milliseconds) == "2026-11-25T08:00:00.123Z")
        #expect(RFC3339.format(fraction, fraction: .wholeSeconds) == "2026-11-25T08:00:00Z")
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: 1_795_593_600.0004), fraction: .millisecondsIfAny)
                == "2026-11-25T08:00:00Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: 1_795_593_600.9996), fraction: .milliseconds)
                == "2026-11-25T08:00:01.000Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: -0.5), fraction: .millisecondsIfAny)
                == "1969-12-31T23:59:59.500Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1), fraction: .milliseconds) == "1969-12-31T23:59:59.000Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: 1_709_208_000), fraction: .wholeSeconds)
                == "2024-02-29T12:00:00Z")
    }

    @Test func formatsWhatDateFormatterWouldForEveryDayOfFourHundredYears() async throws {
        // One date per 97 days over 1900-2300: covers every month, leap rule and century. Off the
        // concurrency pool, which other tests' servers need.
        let wrong = try await offPool { () -> [String] in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            var wrong: [String] = []
            var seconds = -2_208_988_800.0
            while seconds < 10_413_792_000 {
                let date = Date(timeIntervalSince1970: seconds)
                let text = RFC3339.format(date, fraction: .millisecondsIfAny)
                if text != formatter.string(from: date) || RFC3339.parse(text) != date { wrong.append(text) }
                seconds += 97 * 86_400 + 3_661
            }
            return wrong
        }
        #expect(wrong.isEmpty)
    }

    @Test func whatItWritesReadsBackEqual() {
        for seconds in [
            0, -1, 1_709_208_000.5, 1_795_593_600.125, 1_795_593_600.001, 4_102_444_800, -2_208_988_800.999,
        ] {
            let date = Date(timeIntervalSince1970: seconds)
            for fraction in [RFC3339.Fraction.milliseconds, .millisecondsIfAny] {
                #expect(RFC3339.parse(RFC3339.format(date, fraction: fraction)) == date, "\(seconds)")
            }
        }
    }

    @Test func clampsDatesRFC3339CannotExpress() {
        #expect(RFC3339.format(.distantFuture, fraction: .millisecondsIfAny) == "4001-01-01T00:00:00Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: 1e15), fraction: .millisecondsIfAny)
                == "9999-12-31T23:59:59.999Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: -1e15), fraction: .milliseconds) == "0000-01-01T00:00:00.000Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: .nan), fraction: .wholeSeconds) == "1970-01-01T00:00:00Z")
    }
}
