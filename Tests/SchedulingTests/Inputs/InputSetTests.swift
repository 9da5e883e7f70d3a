import Foundation
import JSON
import Rules
import Testing

@testable import Scheduling

@Suite struct InputSetTests {
    static let origin = Date(timeIntervalSince1970: 1_795_593_600)
    static func time(_ seconds: Double) -> Date { origin.addingTimeInterval(seconds) }

    @Test(arguments: [
        ("grid.power", true), ("solar.power", true), ("solar.surplus", true), ("input.boost", true),
        ("input.Car_2-soc", true), ("input.", false), ("input.a.b", false), ("input.é", false),
        ("grid.Power", false), ("price", false), ("input boost", false), ("solar.power ", false),
    ])
    func namesAreExactlyTheDocumentedForms(name: String, valid: Bool) {
        #expect((InputName(name) != nil) == valid)
    }

    @Test func pushesMergeAndValuesHaveAnAge() throws {
        var inputs = InputSet(maxAge: 300)
        try inputs.merge(try JSONParser.parse("{\"grid.power\":-2300,\"input.boost\":1}"), now: Self.time(0))
        try inputs.merge(try JSONParser.parse("{\"solar.power\":4100}"), now: Self.time(10))
        #expect(inputs.value(of: .gridPower, now: Self.time(20)) == -2300)
        #expect(inputs.value(of: .solarPower, now: Self.time(20)) == 4100)
        #expect(inputs.statuses(now: Self.time(20)).first { $0.name == "input.boost" }?.ageSeconds == 20)
    }

    @Test func neverPushedOrOlderThanMaxAgeIsUnknown() throws {
        var inputs = InputSet(maxAge: 300)
        #expect(inputs.value(of: .solarPower, now: Self.time(0)) == nil)
        inputs.set(.solarPower, to: 4100, at: Self.time(0))
        #expect(inputs.value(of: .solarPower, now: Self.time(300)) == 4100)
        #expect(inputs.reading(of: .solarPower, now: Self.time(300.5)) == nil)
        #expect(
            inputs.statuses(now: Self.time(300.5)) == [
                InputStatus(name: "solar.power", value: 4100, updatedAt: Self.time(0), ageSeconds: 300.5, stale: true)
            ])
    }

    @Test func nullRemovesAnInput() throws {
        var inputs = InputSet(maxAge: 300)
        try inputs.merge(try JSONParser.parse("{\"input.boost\":1}"), now: Self.time(0))
        try inputs.merge(try JSONParser.parse("{\"input.boost\":null}"), now: Self.time(1))
        #expect(inputs.values.isEmpty)
    }

    @Test(arguments: [
        ("[]", InputError.notAnObject),
        ("{\"grid.power\":1,\"gridpower\":2}", .badName("gridpower")),
        ("{\"grid.power\":\"high\"}", .notANumber(name: "grid.power")),
        ("{\"grid.power\":1e19}", .outOfRange(name: "grid.power")),
        ("{\"grid.power\":\"-1e300\"}", .outOfRange(name: "grid.power")),
        (
            "{\"input.\(String(repeating: "x", count: 59))\":1}",
            .nameTooLong(prefix: "input." + String(repeating: "x", count: 58), length: 65)
        ),
        ("{\"grid.power\":true}", .notANumber(name: "grid.power")),
    ])
    func aBadPushIsRefusedWhole(body: String, error: InputError) throws {
        var inputs = InputSet(maxAge: 300)
        #expect(throws: error) { try inputs.merge(try JSONParser.parse(body), now: Self.time(0)) }
        #expect(inputs.values.isEmpty)
    }

    @Test func surplusIsDerivedFromGridPowerWhenNotPushed() {
        var inputs = InputSet(maxAge: 300)
        inputs.set(.gridPower, to: -2300, at: Self.time(0))
        #expect(
            inputs.reading(of: .solarSurplus, now: Self.time(5)) == InputReading(value: 2300, updatedAt: Self.time(0)))
        inputs.set(.gridPower, to: 800, at: Self.time(10))
        #expect(inputs.value(of: .solarSurplus, now: Self.time(10)) == 0)
        inputs.set(.solarSurplus, to: 1500, at: Self.time(10))
        #expect(
            inputs.reading(of: .solarSurplus, now: Self.time(10)) == InputReading(value: 1500, updatedAt: Self.time(10))
        )
        // Grid power stale too: the surplus is unknown.
        #expect(inputs.value(of: .solarSurplus, now: Self.time(400)) == nil)
    }

    @Test func readingsListEveryInputAndTheDerivedSurplusByName() {
        var inputs = InputSet(maxAge: 300)
        inputs.set(.gridPower, to: -100, at: Self.time(0))
        inputs.set(InputName("input.boost")!, to: 1, at: Self.time(0))
        #expect(
            inputs.readings(now: Self.time(1)).keys.map(\.rawValue).sorted() == [
                "grid.power", "input.boost", "solar.surplus",
            ])
        #expect(inputs.statuses(now: Self.time(1)).map(\.name) == ["grid.power", "input.boost", "solar.surplus"])
    }

    @Test func aStalePushedSurplusShowsWhatTheRulesSeeTheValueDerivedFromFreshGridPower() {
        var inputs = InputSet(maxAge: 300)
        inputs.set(.solarSurplus, to: 1500, at: Self.time(0))
        inputs.set(.gridPower, to: -2300, at: Self.time(400))
        #expect(inputs.value(of: .solarSurplus, now: Self.time(410)) == 2300)
        #expect(
            inputs.statuses(now: Self.time(410)).first { $0.name == "solar.surplus" }
                == InputStatus(
                    name: "solar.surplus", value: 2300, updatedAt: Self.time(400), ageSeconds: 10, stale: false))
    }

    @Test func aStringThatHoldsANumberCountsAsTheNumber() throws {
        var inputs = InputSet(maxAge: 300)
        try inputs.merge(try JSONParser.parse(#"{"grid.power":"-2300","input.boost":" 1.5e3 "}"#), now: Self.time(0))
        #expect(inputs.value(of: .gridPower, now: Self.time(1)) == -2300)
        #expect(inputs.value(of: InputName("input.boost")!, now: Self.time(1)) == 1500)
    }

    @Test func aNameOfSixtyFourCharactersIsTheLongestAccepted() {
        #expect(InputName("input." + String(repeating: "x", count: 58)) != nil)
        #expect(InputName("input." + String(repeating: "x", count: 59)) == nil)
    }

    /// One push once stored 50,001 names and made every later push take seconds.
    @Test func atMostAThousandInputsAreKeptAndARemovalMakesRoom() throws {
        var inputs = InputSet(maxAge: 300)
        let thousand = JSONValue.object(
            JSONObject((0..<InputSet.maxCount).map { ("input.n\($0)", JSONValue.number(Double($0))) }))
        try inputs.merge(thousand, now: Self.time(0))
        #expect(inputs.values.count == 1000)
        #expect(throws: InputError.tooManyInputs(name: "input.extra")) {
            try inputs.merge(try JSONParser.parse(#"{"input.n1":5,"input.extra":1}"#), now: Self.time(1))
        }
        #expect(inputs.value(of: InputName("input.n1")!, now: Self.time(1)) == 1, "a refused push changes nothing")
        // Updating a known input, and adding one while removing another, stay within the bound.
        try inputs.merge(try JSONParser.parse(#"{"input.n1":5,"input.n2":null,"input.extra":1}"#), now: Self.time(2))
        #expect(inputs.values.count == 1000)
        #expect(inputs.value(of: InputName("input.extra")!, now: Self.time(2)) == 1)
        #expect(inputs.value(of: InputName("input.n2")!, now: Self.time(2)) == nil)
    }

    @Test func errorMessagesNameTheField() {
        let message = InputError.notANumber(name: "grid.power").description
        #expect(message == "grid.power: expected a number (or null to remove it)")
        #expect(
            InputError.outOfRange(name: "grid.power").description
                == "grid.power: expected a number from -1000000000 to 1000000000 (or null to remove it)")
        #expect(
            InputError.nameTooLong(prefix: "input.abc", length: 10_006).description
                == "input.abc...: an input name has at most 64 characters, this one 10006")
        #expect(
            InputError.tooManyInputs(name: "input.extra").description
                == "input.extra: at most 1000 inputs are kept and that many are known already; "
                + "remove unused ones with null")
    }
}
