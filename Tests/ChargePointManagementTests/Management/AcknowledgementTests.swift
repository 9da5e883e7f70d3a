import Foundation
import OCPP
import SQLite
import Store
import Testing

@testable import ChargePointManagement

/// docs/database.md: nothing acknowledged to a charger is lost when the process is killed. A message
/// Ampwise records is answered only once its rows are committed, whatever the batch timer says.
@Suite struct AcknowledgementTests {
    /// A batch timer no test outlives: only a waiting answer can make the store commit.
    static let slowBatches = StoreOptions(batchMaxDelayMilliseconds: 600_000)

    /// What `sql` reads as another process (a `sqlite3` shell) sees the file: committed, not queued.
    static func committed(_ sql: String, in fixture: FleetFixture) throws -> SQLiteValue {
        let reader = try SQLiteConnection(path: fixture.directory.file("ampwise.sqlite"), flags: [.readOnly])
        defer { reader.close() }
        return try reader.scalar(sql)
    }

    @Test func meterValuesAreAnsweredOnceTheirRowsAreCommitted() async throws {
        let fixture = try FleetFixture(storeOptions: Self.slowBatches)
        let reply = await fixture.meterValues(
            transactionId: nil, at: 0,
            [
                SampledValue(value: "1200", measurand: .energyActiveImportRegister, unit: .wattHours),
                SampledValue(value: "7.2", measurand: .powerActiveImport, unit: .kilowatts),
            ])
        #expect(reply == .confirm(MeterValuesConfirmation().jsonObject))
        #expect(try Self.committed("SELECT count(*) FROM meter_values", in: fixture) == .integer(2))
        await fixture.store.close()
    }

    @Test func aStatusNotificationIsAnsweredOnceItsHistoryRowIsCommitted() async throws {
        let fixture = try FleetFixture(storeOptions: Self.slowBatches)
        await fixture.status(connector: 1, .preparing)
        #expect(try Self.committed("SELECT count(*) FROM status_history", in: fixture) == .integer(1))
        await fixture.store.close()
    }

    @Test func aBootIsAcceptedOnceTheChargerIsStored() async throws {
        let fixture = try FleetFixture(storeOptions: Self.slowBatches)
        guard case .confirm(let payload) = await fixture.boot() else {
            Issue.record("the boot was not confirmed")
            return
        }
        #expect(payload["status"]?.stringValue == "Accepted")
        #expect(try Self.committed("SELECT vendor FROM chargers WHERE id = 'CP1'", in: fixture) == .text("Alfen"))
        await fixture.store.close()
    }

    @Test func aMessageThatCannotBeStoredIsAnsweredWithAnInternalError() async throws {
        let fixture = try FleetFixture(storeOptions: Self.slowBatches)
        await fixture.store.close()
        let reply = await fixture.meterValues(
            transactionId: nil, at: 0, [SampledValue(value: "1200", measurand: .energyActiveImportRegister)])
        #expect(reply == .fail(.internalError, "the message could not be stored"))
    }
}
