import Dispatch
import Testing

@testable import Store

/// The store's connection belongs to its serial queue (docs/architecture.md, "Concurrency");
/// debug builds check every use.
@Suite struct StoreQueueConfinementTests {
    #if DEBUG
        @Test func theConnectionTrapsWhenTouchedOffTheStoreQueue() async {
            await #expect(processExitsWith: .failure) {
                let queue = DispatchQueue(label: "test.store")
                let database = try queue.sync {
                    try StoreDatabase(
                        path: ":memory:", options: StoreOptions(), queue: queue,
                        inbox: StoreWriteInbox(batchMaxRows: StoreOptions().batchMaxRows))
                }
                _ = try database.connection.scalar("SELECT 1")
            }
        }

        @Test func queuedWritesTrapWhenMadeOffTheStoreQueue() async {
            await #expect(processExitsWith: .failure) {
                let queue = DispatchQueue(label: "test.store")
                let database = try queue.sync {
                    try StoreDatabase(
                        path: ":memory:", options: StoreOptions(), queue: queue,
                        inbox: StoreWriteInbox(batchMaxRows: StoreOptions().batchMaxRows))
                }
                database.writePending()
            }
        }
    #endif

    @Test func theConnectionServesOnTheStoreQueue() throws {
        let queue = DispatchQueue(label: "test.store")
        let value = try queue.sync {
            let database = try StoreDatabase(
                path: ":memory:", options: StoreOptions(), queue: queue,
                inbox: StoreWriteInbox(batchMaxRows: StoreOptions().batchMaxRows))
            defer { database.close() }
            return try database.connection.scalar("SELECT 1")
        }
        #expect(value == .integer(1))
    }
}
