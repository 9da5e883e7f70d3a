/// Divides one `share` budget among the connectors that want to charge: equally, nobody above
/// its own cap, what one cannot use passed on to the others, and, when the budget cannot give
/// everyone their minimum, the connectors that have charged longest paused until it can.
///
/// All amounts are in the budget's unit (A, or W for a power budget).
struct ShareAllocation {
    struct Claimant: Equatable {
        /// Most this connector may get (its own limit).
        var cap: Double
        /// Least it can charge with; a connector given less is paused.
        var minimum: Double
        /// How long it has charged: the longest is paused first.
        var chargingDuration: Double
        /// Breaks ties among equal durations, so that the result is deterministic.
        var key: ConnectorKey
    }

    /// For each claimant, in order, its share, or nil when it must pause.
    static func allocate(budget: Double, among claimants: [Claimant]) -> [Double?] {
        var result = [Double?](repeating: nil, count: claimants.count)
        // A claimant whose cap is below its minimum cannot charge at all and takes nothing.
        var admitted = claimants.indices.filter { claimants[$0].cap >= claimants[$0].minimum && claimants[$0].cap > 0 }
        // Longest charging first in line to be paused; the tie-break keeps rotation deterministic.
        admitted.sort {
            let lhs = claimants[$0]
            let rhs = claimants[$1]
            if lhs.chargingDuration != rhs.chargingDuration { return lhs.chargingDuration > rhs.chargingDuration }
            return lhs.key > rhs.key
        }
        var minimumSum = admitted.reduce(0) { $0 + claimants[$1].minimum }
        while !admitted.isEmpty, minimumSum > budget {
            minimumSum -= claimants[admitted.removeFirst()].minimum
        }
        guard !admitted.isEmpty else { return result }
        let capSum = admitted.reduce(0) { $0 + claimants[$1].cap }
        if capSum <= budget {
            for index in admitted { result[index] = claimants[index].cap }
            return result
        }
        // Water level L such that the sum of clamp(L, minimum, cap) is the budget; bisection keeps
        // the lower bound, so the shares never add up to more than the budget.
        func total(_ level: Double) -> Double {
            admitted.reduce(0) { $0 + min(max(level, claimants[$1].minimum), claimants[$1].cap) }
        }
        var low = 0.0
        var high = admitted.reduce(0) { max($0, claimants[$1].cap) }
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            if total(middle) <= budget { low = middle } else { high = middle }
        }
        for index in admitted {
            result[index] = min(max(low, claimants[index].minimum), claimants[index].cap)
        }
        return result
    }
}
