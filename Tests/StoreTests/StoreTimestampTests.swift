import Foundation
import Testing

@testable import Store

@Suite struct StoreTimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(StoreTimestamp.text(Date(timeIntervalSince1970: 1_795_593_600.125)) == "2026-11-25T08:00:00.125Z")
        #expect(StoreTimestamp.text(Date(timeIntervalSince1970: 1_709_208_000)) == "2024-02-29T12:00:00.000Z")
        #expect(StoreTimestamp.text(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(StoreTimestamp.text(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func parsesWhatItFormats() {
        for seconds in [0, -1, 1_709_208_000.5, 1_795_593_600.125, 4_102_444_800] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoreTimestamp.date(StoreTimestamp.text(date)) == date)
        }
    }

    @Test func parsesHandTypedVariants() {
        let expected = Date(timeIntervalSince1970: 1_795_593_600)
        #expect(StoreTimestamp.date("2026-11-25T08:00:00Z") == expected)
        #expect(StoreTimestamp.date("2026-11-25 08:00:00") == expected)
        #expect(StoreTimestamp.date("2026-11-25T09:00:00+01:00") == expected)
        #expect(StoreTimestamp.date("2026-11-25T08:00:00.5Z") == expected.addingTimeInterval(0.5))
    }

    @Test(arguments: ["", "2026-11-25", "2026-13-01T00:00:00Z", "2026-11-25T08:00:00.Z", "2026-11-25T08:00:00Zx"])
    func rejectsWhatIsNotATimestamp(_ text: String) {
        #expect(StoreTimestamp.date(text) == nil)
    }
}
