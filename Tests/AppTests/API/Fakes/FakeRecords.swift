import Foundation
import Store
import Synchronization

@testable import App

/// The store as the API sees it, in memory: recorded commands, and canned decisions and
/// transactions; remembers the filters of the last query.
final class FakeRecords: APIRecords {
    struct Query: Equatable {
        var chargerId: String?
        var connectorId: Int?
        var since: Date?
        var limit: Int
    }

    private struct State {
        var commands: [CommandRecord] = []
        var decisions: [DecisionRecord] = []
        var transactions: [TransactionRecord] = []
        var events: [ChargerEventRecord] = []
        var lastQuery: Query?
    }

    private let state = Mutex(State())

    var recordedCommands: [CommandRecord] { state.withLock { $0.commands } }
    var lastQuery: Query? { state.withLock { $0.lastQuery } }

    func setDecisions(_ decisions: [DecisionRecord]) { state.withLock { $0.decisions = decisions } }
    func setTransactions(_ transactions: [TransactionRecord]) { state.withLock { $0.transactions = transactions } }
    func setEvents(_ events: [ChargerEventRecord]) { state.withLock { $0.events = events } }

    func recordCommand(_ command: CommandRecord) {
        state.withLock { $0.commands.append(command) }
    }

    func commands(chargerId: String?, decisionId: Int?, since: Date?, limit: Int) async throws -> [CommandRecord] {
        state.withLock { state in
            state.lastQuery = Query(chargerId: chargerId, connectorId: nil, since: since, limit: limit)
            return state.commands.reversed()
        }
    }

    func decisions(chargerId: String?, connectorId: Int?, since: Date?, limit: Int) async throws -> [DecisionRecord] {
        state.withLock { state in
            state.lastQuery = Query(chargerId: chargerId, connectorId: connectorId, since: since, limit: limit)
            return state.decisions
        }
    }

    func transactions(
        chargerId: String?, connectorId: Int?, since: Date?, limit: Int
    ) async throws -> [TransactionRecord] {
        state.withLock { state in
            state.lastQuery = Query(chargerId: chargerId, connectorId: connectorId, since: since, limit: limit)
            return state.transactions
        }
    }

    func events(chargerId: String?, kind: String?, since: Date?, limit: Int) async throws -> [ChargerEventRecord] {
        state.withLock { state in
            state.lastQuery = Query(chargerId: chargerId, connectorId: nil, since: since, limit: limit)
            return state.events.filter { kind == nil || $0.kind == kind }
        }
    }
}
