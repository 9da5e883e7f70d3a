import Synchronization
import Transport

/// Bounds what all charger connections together buffer for unfinished messages
/// (`central.maxBufferedBytes`): past the limit the connections holding the most are closed with
/// 1009 until the total is under it again (docs/configuration.md).
///
/// Each connection reports its figure after each read, on its own loop. A message that arrives
/// whole leaves the figure at 0 and costs nothing; only connections in the middle of a message
/// are tracked, under a lock. The decision is taken at once, in the report that goes over the
/// limit: the largest holders are chosen and their bytes no longer count against newer arrivals
/// while their loops close them, so that connections on other loops cannot pile up far past the
/// limit meanwhile (a round trip through every loop let 300 × 1 MB reach twice the limit).
final class MessageBufferBudget: Sendable {
    /// The most bytes all connections together may buffer.
    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var total = 0
        /// Bytes of the holders chosen for closing and not closed yet.
        var releasing = 0
        var holders: [ObjectIdentifier: Holder] = [:]
    }

    private struct Holder {
        let handler: LoopBound<ChargerConnectionHandler>
        var bytes: Int
        /// The bytes it held when it was chosen for closing; nil while it is not.
        var releasing: Int?
    }

    init(limit: Int) {
        self.limit = limit
    }

    /// Records that `handler` (on its loop) buffers `new` bytes instead of `old`, and closes the
    /// largest holders when that takes the total over the limit.
    func update(_ handler: ChargerConnectionHandler, from old: Int, to new: Int) {
        guard old != new else { return }
        let id = ObjectIdentifier(handler)
        let chosen = state.withLock { state in
            state.total += new - old
            if new == 0 {
                if let released = state.holders.removeValue(forKey: id)?.releasing { state.releasing -= released }
            } else if state.holders[id] == nil {
                state.holders[id] = Holder(handler: LoopBound(handler, loop: handler.loop), bytes: new)
            } else {
                state.holders[id]?.bytes = new
            }
            return choose(in: &state)
        }
        for (victim, total) in chosen {
            // At once when it is on this loop; the others close on their own loops.
            victim.loop.runOnLoop { victim.value.closeForBufferLimit(totalBytes: total, limit: self.limit) }
        }
    }

    /// The largest holders not chosen yet, until what is left is within the limit; each with the
    /// total at the time, for the log.
    private func choose(in state: inout State) -> [(LoopBound<ChargerConnectionHandler>, Int)] {
        var chosen: [(LoopBound<ChargerConnectionHandler>, Int)] = []
        while state.total - state.releasing > limit {
            let candidates = state.holders.lazy.filter { $0.value.releasing == nil }
            guard let (id, largest) = candidates.max(by: { $0.value.bytes < $1.value.bytes }) else { break }
            state.holders[id]?.releasing = largest.bytes
            state.releasing += largest.bytes
            chosen.append((largest.handler, state.total))
        }
        return chosen
    }
}
