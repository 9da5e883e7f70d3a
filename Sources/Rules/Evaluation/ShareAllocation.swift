import ChargingModel

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
        var paused: [Int] = []
        while !admitted.isEmpty, minimumSum > budget {
            let index = admitted.removeFirst()
            minimumSum -= claimants[index].minimum
            paused.append(index)
        }
        // With mixed minimums, pausing a large one can make room for one paused before it: take
        // back those that fit, shortest charging first.
        for index in paused.reversed() where minimumSum + claimants[index].minimum <= budget {
            admitted.append(index)
            minimumSum += claimants[index].minimum
        }
        guard !admitted.isEmpty else { return result }
        let capSum = admitted.reduce(0) { $0 + claimants[$1].cap }
        if capSum <= budget {
            for index in admitted { result[index] = claimants[index].cap }
            return result
        }
        let level = waterLevel(budget: budget, claimants: admitted.map { claimants[$0] })
        for index in admitted {
            result[index] = min(max(level, claimants[index].minimum), claimants[index].cap)
        }
        return result
    }

    /// The level L at which the sum of clamp(L, minimum, cap) equals the budget, given that the
    /// minimums fit and the caps do not. The sum is piecewise linear in L with breaks at every
    /// minimum and cap; find the segment by binary search, then solve the line.
    static func waterLevel(budget: Double, claimants: [Claimant]) -> Double {
        func total(_ level: Double) -> Double {
            claimants.reduce(0) { $0 + min(max(level, $1.minimum), $1.cap) }
        }
        let breaks = Array(Set(claimants.flatMap { [$0.minimum, $0.cap] })).sorted()
        // Largest break whose total is still within the budget.
        var low = 0
        var high = breaks.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if total(breaks[middle]) <= budget { low = middle } else { high = middle - 1 }
        }
        let base = breaks[low]
        guard total(base) <= budget else { return base }
        let next = low + 1 < breaks.count ? breaks[low + 1] : base
        let free = claimants.filter { $0.minimum <= base && $0.cap >= next && $0.cap > base }.count
        guard free > 0 else { return base }
        return min(next, base + (budget - total(base)) / Double(free))
    }
}
