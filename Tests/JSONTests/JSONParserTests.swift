import JSON
import Testing

@testable import JSON

@Suite struct JSONParserTests {
    @Test func parsesAnOCPPCall() throws {
        let value = try JSONParser.parse(
            #"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","n":-1.5e2}]"#)
        #expect(value == [2, "19223201", "BootNotification", ["chargePointVendor": "VendorX", "n": -150]])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/\né😀"))
    }

    @Test(arguments: [
        "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\x\"", "\"\u{01}\"", "[1] x", "tru", "{\"a\" 1}",
        "\"\\ud800\"", "{\"a\":1,\"a\":2}", "",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    /// Found by FuzzOCPPMessage: a number beyond Double's range became infinity, which the writer
    /// cannot encode, so a parsed frame no longer encoded to itself.
    @Test func rejectsNumbersBeyondTheRangeOfDouble() throws {
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[1,2.5e2111100]") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("-1e400") }
        #expect(try JSONParser.parse("1e308") == .number(1e308))
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": tx\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    @Test func writesCompactJSONThatReadsBack() throws {
        let value: JSONValue = ["limit": 10.5, "whole": 16.0, "s": "q\"\n\u{01}", "list": [true, nil]]
        let text = JSONWriter.string(value)
        #expect(text == #"{"limit":10.5,"whole":16,"s":"q\"\n\u0001","list":[true,null]}"#)
        #expect(try JSONParser.parse(text) == value)
    }
}
