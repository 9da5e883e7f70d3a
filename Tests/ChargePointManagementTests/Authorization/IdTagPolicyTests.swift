import Testing

@testable import ChargePointManagement

@Suite struct IdTagPolicyTests {
    let policy = IdTagPolicy(
        defaultStatus: .invalid,
        tags: ["04A2B3C4": .accepted, "DEADBEEF": .blocked, "OLDCARD": .expired, "BUSY": .concurrentTx])

    @Test func listedTagsGetTheirStatus() {
        #expect(policy.status(for: "04A2B3C4", chargerIdTag: nil) == .accepted)
        #expect(policy.status(for: "DEADBEEF", chargerIdTag: nil) == .blocked)
        #expect(policy.status(for: "OLDCARD", chargerIdTag: nil) == .expired)
        #expect(policy.status(for: "BUSY", chargerIdTag: nil) == .concurrentTx)
    }

    @Test func otherTagsGetTheDefault() {
        #expect(policy.status(for: "CAFEBABE", chargerIdTag: nil) == .invalid)
        #expect(IdTagPolicy().status(for: "CAFEBABE", chargerIdTag: nil) == .accepted)
    }

    @Test func tagsAreComparedWithoutCase() {
        #expect(policy.status(for: "deadbeef", chargerIdTag: nil) == .blocked)
        #expect(policy.status(for: "04a2b3c4", chargerIdTag: nil) == .accepted)
    }

    @Test func theChargersOwnTagIsAlwaysAccepted() {
        let strict = IdTagPolicy(defaultStatus: .blocked, tags: ["garage-tag": .blocked, "ampwise": .blocked])
        #expect(strict.status(for: "garage-tag", chargerIdTag: "garage-tag") == .accepted)
        #expect(strict.status(for: "ampwise", chargerIdTag: nil) == .accepted)
        #expect(strict.status(for: "ampwise", chargerIdTag: "garage-tag") == .blocked)
        #expect(strict.status(for: "AMPWISE", chargerIdTag: nil) == .accepted)
    }

    @Test func theRemoteStartTagDefaultsToAmpwise() {
        #expect(IdTagPolicy.remoteStartTag(chargerIdTag: nil) == "ampwise")
        #expect(IdTagPolicy.remoteStartTag(chargerIdTag: "04A2B3C4") == "04A2B3C4")
    }

    @Test func statusesUseOCPPSpelling() {
        #expect(IdTagStatus.allCases.map(\.rawValue) == ["Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"])
    }
}
