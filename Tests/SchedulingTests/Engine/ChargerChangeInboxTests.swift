import Testing

@testable import Scheduling

@Suite struct ChargerChangeInboxTests {
    @Test func disconnectionsAndMeterValuesScheduleNoDelivery() {
        let inbox = ChargerChangeInbox()
        let scheduled = (0..<2_000).filter { index in
            inbox.append(
                index.isMultiple(of: 2)
                    ? .disconnected(chargerId: "cp\(index)") : .meterValues(chargerId: "cp\(index)", connectorId: 1))
        }
        #expect(scheduled.isEmpty)
        #expect(inbox.drain().count == 2_000)
    }

    @Test func theFirstChangeThatWakesTheEngineSchedulesOneDeliveryForEverythingBeforeAndAfterIt() {
        let inbox = ChargerChangeInbox()
        #expect(!inbox.append(.disconnected(chargerId: "a")))
        #expect(inbox.append(.status(chargerId: "b", connectorId: 1)))
        #expect(!inbox.append(.connected(chargerId: "c")))
        #expect(!inbox.append(.meterValues(chargerId: "b", connectorId: 1)))
        #expect(
            inbox.drain() == [
                .disconnected(chargerId: "a"), .status(chargerId: "b", connectorId: 1), .connected(chargerId: "c"),
                .meterValues(chargerId: "b", connectorId: 1),
            ])
        // Taken: the next change that wakes the engine schedules the next delivery.
        #expect(inbox.append(.booted(chargerId: "a")))
    }
}
