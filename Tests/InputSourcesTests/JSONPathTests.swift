import InputSources
import JSON
import Testing

@Suite struct JSONPathTests {
    static let fronius: JSONValue = try! JSONParser.parse(
        #"{"Body":{"Data":{"Site":{"P_Grid":-2345.6,"P_PV":null,"P_Load":"12"}}},"emeters":[{"power":101.5},{"power":"-7"}]}"#
    )

    @Test(arguments: [
        ("Body.Data.Site.P_Grid", -2345.6), ("emeters[0].power", 101.5), ("emeters[1].power", -7),
        ("Body.Data.Site.P_Load", 12),
    ])
    func readsANumberOrAStringHoldingOne(path: String, expected: Double) throws {
        #expect(try JSONPath(path)!.number(in: JSONPathTests.fronius) == expected)
    }

    @Test func readsAnElementOfATopLevelArray() throws {
        #expect(try JSONPath("[1]")!.number(in: [1, 2.5]) == 2.5)
        #expect(try JSONPath("[0][1]")!.number(in: [[1, 3]]) == 3)
    }

    @Test(arguments: [
        ("Body.Data.Site.P_PV", "Body.Data.Site.P_PV: expected a number, found null"),
        ("Body.Data.Site.Q", "Body.Data.Site.Q: no such key"),
        ("emeters[2].power", "emeters[2]: the array has 2 elements"),
        ("Body[0]", "Body[0]: expected an array on the way, found an object"),
        ("emeters.power", "emeters.power: expected an object on the way, found an array"),
    ])
    func saysWhatIsMissing(path: String, message: String) {
        #expect(throws: SourceError(message)) { try JSONPath(path)!.number(in: JSONPathTests.fronius) }
    }

    @Test func aStringThatIsNotANumberIsRefused() {
        #expect(throws: SourceError("state: \"unavailable\" is not a number")) {
            try JSONPath("state")!.number(in: ["state": "unavailable"])
        }
    }

    @Test(arguments: ["", ".", "a.", ".a", "a..b", "a[", "a[]", "a[x]", "a[-1]", "a]b", "a[0]b"])
    func refusesWhatIsNotAPath(text: String) {
        #expect(JSONPath(text) == nil)
    }

    @Test func splitsKeysAndIndices() {
        #expect(JSONPath("emeters[0].power")?.components == [.key("emeters"), .index(0), .key("power")])
    }
}
