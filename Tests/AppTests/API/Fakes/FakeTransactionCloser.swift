import ChargePointManagement
import Foundation
import Store
import Synchronization

/// Stands in for the fleet's `closeTransaction`: answers what a test set, and remembers the ids.
final class FakeTransactionCloser: TransactionClosing {
    private let state = Mutex<(answers: [Int: Result<TransactionRecord, TransactionCloseError>], closed: [Int])>(
        ([:], []))

    /// What closing `id` answers; an id without an answer is unknown.
    func answer(_ id: Int, with result: Result<TransactionRecord, TransactionCloseError>) {
        state.withLock { $0.answers[id] = result }
    }

    var closed: [Int] { state.withLock { $0.closed } }

    func closeTransaction(id: Int) async throws(TransactionCloseError) -> TransactionRecord {
        let answer = state.withLock { state in
            state.closed.append(id)
            return state.answers[id]
        }
        guard let answer else { throw .unknown(id: id) }
        return try answer.get()
    }
}
