import Synchronization

/// Gathers each loop's buffering connections for `MessageBufferBudget` and hands them over,
/// all together, once the last loop has answered (on that loop's thread).
final class SheddingRound: Sendable {
    typealias Candidates = [(LoopBound<ChargerConnectionHandler>, Int)]

    private let state: Mutex<(remaining: Int, candidates: Candidates)>
    private let completion: @Sendable (Candidates) -> Void

    init(loopCount: Int, completion: @escaping @Sendable (Candidates) -> Void) {
        state = Mutex((loopCount, []))
        self.completion = completion
    }

    func add(_ candidates: Candidates) {
        let all = state.withLock { state -> Candidates? in
            state.candidates += candidates
            state.remaining -= 1
            return state.remaining == 0 ? state.candidates : nil
        }
        if let all { completion(all) }
    }
}
