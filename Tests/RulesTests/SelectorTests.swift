import Testing

@testable import Rules

@Suite struct SelectorTests {
    private func matches(_ pattern: String, _ id: String, connector: Int? = nil, on connectorId: Int = 1) -> Bool {
        ChargerSelector(pattern: pattern, quoted: false, connector: connector)
            .matches(chargerId: id, connectorId: connectorId)
    }

    @Test func plainIdsMatchExactly() {
        #expect(matches("garage", "garage"))
        #expect(!matches("garage", "garage2"))
        #expect(!matches("garage", "Garage"))
    }

    @Test(arguments: [
        ("*", "anything", true), ("cp-*", "cp-01", true), ("cp-*", "cp-", true), ("cp-*", "xcp-01", false),
        ("*-01", "cp-01", true), ("*-01", "cp-02", false), ("c*p*1", "carport-1", true), ("c*p*1", "carport-2", false),
        ("cp-0?", "cp-07", true), ("cp-0?", "cp-007", false), ("cp-0?", "cp-0", false), ("gar?ge", "garäge", true),
        ("**", "", true), ("?*", "", false),
    ])
    func globsMatchAnyRunOrOneCharacter(_ pattern: String, _ id: String, _ expected: Bool) {
        #expect(matches(pattern, id) == expected)
    }

    @Test func aConnectorNumberNarrowsTheMatch() {
        #expect(matches("garage", "garage", connector: 2, on: 2))
        #expect(!matches("garage", "garage", connector: 2, on: 1))
        #expect(matches("*", "x", connector: 1, on: 1))
    }
}
