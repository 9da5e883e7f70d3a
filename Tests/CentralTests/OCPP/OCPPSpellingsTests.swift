import Testing

@testable import Central

/// One table of spellings answers both directions, keeps the schema's order and refuses a value or spelling twice.
@Suite struct OCPPSpellingsTests {
    private let digits: OCPPSpellings<Int> = [(1, "One"), (2, "Two"), (3, "Three")]

    @Test func keepsTheTablesOrder() {
        #expect(digits.map(\.value) == [1, 2, 3])
        #expect(digits.map(\.spelling) == ["One", "Two", "Three"])
    }

    @Test func looksUpBothWays() {
        #expect(digits.value(spelled: "Two") == 2)
        #expect(digits.spelling(of: 3) == "Three")
        #expect(digits.value(spelled: "two") == nil)
        #expect(digits.value(spelled: "Four") == nil)
        #expect(digits.spelling(of: 4) == nil)
    }

    @Test func forgivesCaseOnlyWhenAsked() {
        #expect(digits.value(spelledIgnoringCase: "tHREE") == 3)
        #expect(digits.value(spelledIgnoringCase: "Four") == nil)
    }

    @Test func theFirstOfTwoSpellingsThatDifferInCaseWinsALenientLookup() {
        let table: OCPPSpellings<Int> = [(1, "kW"), (2, "KW")]
        #expect(table.value(spelledIgnoringCase: "kw") == 1)
        #expect(table.value(spelled: "KW") == 2)
    }

    @Test func aSpellingListedTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let table: OCPPSpellings<Int> = [(1, "One"), (2, "One")]
            _ = table.count
        }
    }

    @Test func aValueListedTwiceStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let table: OCPPSpellings<Int> = [(1, "One"), (1, "Uno")]
            _ = table.count
        }
    }
}
