import Foundation
import JSON
import OCPP
import TestSupport
import Testing

@testable import ChargePointManagement

@Suite("Restart recovery", .timeLimit(.minutes(1)))
struct RestartRecoveryTests {
    @Test func anOpenTransactionCarriesOnAfterARestartAndStopsWithTheRightEnergy() async throws {
        let directory = try TemporaryDirectory()
        let transactionId: Int
        do {
            let before = try FleetFixture(directory: directory)
            _ = await before.boot()
            await before.status(connector: 1, .charging)
            transactionId = try #require(await before.start(meterStart: 1_234_000))
            _ = await before.meterValues(
                transactionId: transactionId, at: 60,
                [SampledValue(value: "1234.9", measurand: .energyActiveImportRegister, unit: .kilowattHours)])
            #expect(before.fleet.snapshot("CP1")?.connector(1)?.transaction?.energyWh == 900)
            let earlier = try #require(await before.start(connector: 2, meterStart: 0))
            _ = await before.stop(transactionId: earlier, meterStop: 100, at: 30, reason: .remote)
            await before.store.close()
        }

        let after = try FleetFixture(directory: directory)
        try await after.fleet.restore()
        let snapshot = try #require(after.fleet.snapshot("CP1"))
        #expect(snapshot.identity?.vendor == "Alfen")
        #expect(snapshot.connected == false)
        #expect(snapshot.connector(1)?.status == .charging)
        let transaction = try #require(snapshot.connector(1)?.transaction)
        #expect(transaction.id == transactionId)
        #expect(transaction.meterStart == 1_234_000)
        #expect(transaction.energyWh == 900)
        #expect(snapshot.connector(2)?.lastStopReason == "Remote")
        #expect(snapshot.connector(2)?.transaction == nil)

        let reply = await after.stop(transactionId: transactionId, meterStop: 1_235_500, at: 600)
        #expect(reply == .confirm(JSONObject()))
        let stored = try #require(try await after.store.transaction(id: transactionId))
        #expect(stored.energyWh == 1500)
        #expect(stored.wasUnknownAtStop == false)
        #expect(after.fleet.snapshot("CP1")?.connector(1)?.transaction == nil)

        let next = try #require(await after.start(meterStart: 1_235_500))
        #expect(next > transactionId)
    }

    @Test func aSessionCountingChargerKeepsItsModeAcrossARestart() async throws {
        let directory = try TemporaryDirectory()
        let transactionId: Int
        do {
            let before = try FleetFixture(directory: directory)
            transactionId = try #require(await before.start(meterStart: 50_000))
            _ = await before.meterValues(
                transactionId: transactionId, at: 60,
                [SampledValue(value: "20", measurand: .energyActiveImportRegister)])
            await before.store.close()
        }
        let after = try FleetFixture(directory: directory)
        try await after.fleet.restore()
        _ = await after.meterValues(
            transactionId: transactionId, at: 120, [SampledValue(value: "700", measurand: .energyActiveImportRegister)])
        #expect(after.fleet.snapshot("CP1")?.connector(1)?.transaction?.energyWh == 700)
    }
}
