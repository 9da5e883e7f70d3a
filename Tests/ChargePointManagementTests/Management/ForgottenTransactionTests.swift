import ChargingModel
import Foundation
import OCPP
import Store
import TestSupport
import Testing

@testable import ChargePointManagement

/// Transactions a charger forgot (it rebooted and never sent their StopTransaction): a new
/// StartTransaction on the connector closes the old one as superseded, and the API can close one by
/// hand; both with the energy of the last meter value (docs/charger-management.md).
@Suite("Forgotten transactions", .timeLimit(.minutes(1)))
struct ForgottenTransactionTests {
    static func register(_ wattHours: String) -> SampledValue {
        SampledValue(value: wattHours, measurand: .energyActiveImportRegister, unit: .wattHours)
    }

    @Test func aNewStartOnAConnectorWithAnOpenTransactionClosesTheOldOneAsSuperseded() async throws {
        let fixture = try FleetFixture()
        let old = try #require(await fixture.start(meterStart: 1000, at: 0))
        _ = await fixture.meterValues(transactionId: old, at: 600, [Self.register("3500")])
        let new = try #require(await fixture.start(meterStart: 5000, at: 900))

        let closed = try #require(try await fixture.store.transaction(id: old))
        #expect(closed.stopReason == "Superseded")
        #expect(closed.energyWh == 2500)
        #expect(closed.meterStop == 3500)
        #expect(closed.stoppedAt == FleetFixture.start.addingTimeInterval(600))
        #expect(try await fixture.store.openTransactions(chargerId: "CP1").map(\.id) == [new])
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.transaction?.id == new)
        // Meter values that still come for the old one are not an unknown transaction.
        _ = await fixture.meterValues(transactionId: old, at: 950, [Self.register("3600")])
        #expect(try await fixture.store.events(chargerId: "CP1").filter { $0.kind == "UnknownTransaction" }.isEmpty)
    }

    @Test func aSupersededTransactionWithoutMeterValuesEndsAtTheNewStartWithNoEnergy() async throws {
        let fixture = try FleetFixture()
        let old = try #require(await fixture.start(meterStart: 1000, at: 0))
        _ = try #require(await fixture.start(meterStart: 1000, at: 300))
        let closed = try #require(try await fixture.store.transaction(id: old))
        #expect(closed.stopReason == "Superseded")
        #expect(closed.energyWh == 0)
        #expect(closed.stoppedAt == FleetFixture.start.addingTimeInterval(300))
    }

    @Test func anotherConnectorsTransactionIsNotSuperseded() async throws {
        let fixture = try FleetFixture()
        let one = try #require(await fixture.start(connector: 1, meterStart: 0, at: 0))
        let two = try #require(await fixture.start(connector: 2, meterStart: 0, at: 10))
        #expect(try await fixture.store.openTransactions(chargerId: "CP1").map(\.id) == [one, two])
    }

    @Test func theChargersOwnStopTransactionLaterReplacesTheEstimate() async throws {
        let fixture = try FleetFixture()
        let old = try #require(await fixture.start(meterStart: 1000, at: 0))
        _ = await fixture.meterValues(transactionId: old, at: 600, [Self.register("3500")])
        let new = try #require(await fixture.start(meterStart: 5000, at: 900))
        _ = await fixture.stop(transactionId: old, meterStop: 3700, at: 700, reason: .powerLoss)
        let stopped = try #require(try await fixture.store.transaction(id: old))
        #expect(stopped.stopReason == "PowerLoss")
        #expect(stopped.energyWh == 2700)
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.transaction?.id == new)
    }

    @Test func closingATransactionByHandTakesItsLastMeterValueAndFreesTheConnector() async throws {
        let fixture = try FleetFixture()
        let stuck = try #require(await fixture.start(meterStart: 1000, at: 0))
        _ = await fixture.meterValues(transactionId: stuck, at: 60, [Self.register("1800")])
        fixture.advance(3600)
        let closed = try await fixture.fleet.closeTransaction(id: stuck)
        #expect(closed.stopReason == "ClosedByHand")
        #expect(closed.energyWh == 800)
        #expect(closed.stoppedAt == FleetFixture.start.addingTimeInterval(60))
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.transaction == nil)
        #expect(fixture.fleet.snapshot("CP1")?.connector(1)?.lastStopReason == "ClosedByHand")
        await #expect(throws: TransactionCloseError.alreadyStopped(closed)) {
            try await fixture.fleet.closeTransaction(id: stuck)
        }
        await #expect(throws: TransactionCloseError.unknown(id: 999)) {
            try await fixture.fleet.closeTransaction(id: 999)
        }
    }

    @Test func aTransactionOnlyTheStoreStillHasOpenIsClosedFromItsStoredMeterValues() async throws {
        let directory = try TemporaryDirectory()
        let orphan: Int
        do {
            let before = try FleetFixture(directory: directory)
            orphan = try #require(await before.start(meterStart: 100, at: 0))
            _ = await before.meterValues(transactionId: orphan, at: 30, [Self.register("400")])
            await before.store.close()
        }
        // After a restart the fleet has not restored anything: the transaction is in the store only.
        let after = try FleetFixture(directory: directory)
        let closed = try await after.fleet.closeTransaction(id: orphan)
        #expect(closed.energyWh == 300)
        #expect(closed.stoppedAt == FleetFixture.start.addingTimeInterval(30))
    }
}
