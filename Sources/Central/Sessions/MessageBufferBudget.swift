import Synchronization

/// Bounds what all charger connections together buffer for unfinished messages
/// (`central.maxBufferedBytes`): past the limit the connections holding the most are closed with
/// 1009 until the total is under it again (docs/configuration.md).
///
/// Each connection reports its own figure after each read, on its own loop. The total is an
/// atomic and each loop keeps the list of its connections that buffer anything, so the common
/// case (a message that arrives whole, nothing buffered before or after) costs nothing, and a
/// partial message one atomic add. Only past the limit do the loops talk: every loop lists its
/// buffering connections, the largest overall are picked, and each is closed on its own loop.
final class MessageBufferBudget: Sendable {
    /// The most bytes all connections together may buffer.
    let limit: Int
    private let total = Atomic<Int>(0)
    /// Set while a round of closing is under way, so that only one runs at a time.
    private let isShedding = Atomic<Bool>(false)
    private let lists: [LoopBound<BufferingConnections>]

    init(limit: Int, loops: [EventLoop]) {
        self.limit = limit
        lists = loops.map { LoopBound(BufferingConnections(), loop: $0) }
    }

    /// Bytes buffered now over all connections.
    var bufferedBytes: Int { total.load(ordering: .relaxed) }

    /// Records that `handler` (on its loop) buffers `new` bytes instead of `old`.
    func update(_ handler: ChargerConnectionHandler, from old: Int, to new: Int) {
        guard old != new else { return }
        let list = lists[handler.loop.index].value
        if new > 0 { list.add(handler) } else { list.remove(handler) }
        let now = total.add(new - old, ordering: .relaxed).newValue
        if now > limit { shed() }
    }

    /// Closes the connections holding the most until the total is under the limit.
    private func shed() {
        guard !isShedding.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let round = SheddingRound(loopCount: lists.count) { [self] candidates in close(largestOf: candidates) }
        for list in lists {
            let submitted = list.loop.submit {
                round.add(list.value.handlers.values.map { (LoopBound($0, loop: list.loop), $0.bufferedBytes) })
            }
            if !submitted { round.add([]) }
        }
    }

    private func close(largestOf candidates: [(LoopBound<ChargerConnectionHandler>, Int)]) {
        var excess = total.load(ordering: .relaxed) - limit
        var chosen: [LoopBound<ChargerConnectionHandler>] = []
        for (handler, bytes) in candidates.sorted(by: { $0.1 > $1.1 }) where excess > 0 {
            chosen.append(handler)
            excess -= bytes
        }
        let totalNow = total.load(ordering: .relaxed)
        let closedAny = !chosen.isEmpty
        let done = StopCountdown(count: chosen.count + 1) { [self] in
            isShedding.store(false, ordering: .releasing)
            // Others may have buffered more meanwhile. A round that found nothing to close is not
            // repeated at once (that could spin); the next report over the limit starts one.
            if closedAny && total.load(ordering: .relaxed) > limit { shed() }
        }
        for handler in chosen {
            let submitted = handler.loop.submit {
                handler.value.closeForBufferLimit(totalBytes: totalNow, limit: self.limit)
                done.signal()
            }
            if !submitted { done.signal() }
        }
        done.signal()
    }
}
