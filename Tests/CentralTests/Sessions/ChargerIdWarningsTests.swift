import Testing

@testable import Central

struct ChargerIdWarningsTests {
    @Test func warnsAboutEachUnusualIdOnceAndRemembersABoundedNumber() {
        let warnings = ChargerIdWarnings(capacity: 3)
        #expect(!warnings.shouldWarn(about: "CP-1"))
        #expect(warnings.shouldWarn(about: "CP 1"))
        #expect(!warnings.shouldWarn(about: "CP 1"))
        #expect(warnings.shouldWarn(about: "CP 2"))
        #expect(warnings.shouldWarn(about: "CP 3"))
        #expect(!warnings.shouldWarn(about: "CP 4"))  // full: no more warnings, no more memory
    }
}
