import Testing
import WebSocket

@testable import WebSocket

@Suite struct UTF8ValidatorTests {
    @Test(arguments: [
        [] as [UInt8],
        Array("plain ASCII that is longer than one word".utf8),
        [0x7F],
        [0xC2, 0x80],  // U+0080, smallest two-byte form
        [0xDF, 0xBF],
        [0xE0, 0xA0, 0x80],  // U+0800, smallest three-byte form
        [0xED, 0x9F, 0xBF],  // U+D7FF, just below the surrogates
        [0xEE, 0x80, 0x80],  // U+E000, just above them
        [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80],  // U+10000, smallest four-byte form
        [0xF0, 0x9F, 0x98, 0x80],  // 😀
        [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, the largest code point
        Array("κόσμε 💡 ascii tail after".utf8),
    ])
    func acceptsValidText(_ bytes: [UInt8]) {
        #expect(UTF8Validator.isValid(bytes))
    }

    @Test(arguments: [
        [0x80] as [UInt8],  // lone continuation byte
        [0xC0, 0xAF],  // overlong "/"
        [0xC1, 0xBF],  // overlong
        [0xE0, 0x80, 0xAF],  // overlong three-byte "/"
        [0xE0, 0x9F, 0xBF],  // overlong U+07FF
        [0xF0, 0x80, 0x80, 0xAF],  // overlong four-byte "/"
        [0xF0, 0x8F, 0xBF, 0xBF],  // overlong U+FFFF
        [0xED, 0xA0, 0x80],  // U+D800, a surrogate
        [0xED, 0xBF, 0xBF],  // U+DFFF
        [0xF4, 0x90, 0x80, 0x80],  // U+110000, above the last code point
        [0xF5, 0x80, 0x80, 0x80],
        [0xFE], [0xFF],
        [0xC2, 0x41],  // a lead byte followed by ASCII
        [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xE2, 0x82],  // truncated at the end
        [0xF0, 0x9F, 0x98],
    ])
    func rejectsInvalidText(_ bytes: [UInt8]) {
        #expect(!UTF8Validator.isValid(bytes))
    }

    @Test func acceptsACharacterSplitAtEveryPosition() {
        let text: [UInt8] = [0x61, 0xF0, 0x9F, 0x98, 0x80, 0xE2, 0x82, 0xAC, 0x62]
        for split in 0...text.count {
            var validator = UTF8Validator()
            let first = validator.consume(Array(text[..<split]))
            let second = validator.consume(Array(text[split...]))
            #expect(first && second)
            #expect(validator.isAtCharacterBoundary)
        }
    }

    @Test func failsFastOnTheFragmentThatHoldsTheBadByte() {
        var validator = UTF8Validator()
        let lead = validator.consume([0xE2])
        #expect(lead)
        #expect(!validator.isAtCharacterBoundary)
        let bad = validator.consume([0x28])
        #expect(!bad)
    }
}
