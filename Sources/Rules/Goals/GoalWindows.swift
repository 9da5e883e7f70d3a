import Foundation

/// The windows of the goals in one evaluation. Goals with the same deadline share a window;
/// goals whose deadlines lie on the same quarter-hour grid (07:00 and 07:30, or 07:05 and 08:20)
/// share its prices, looked up once: a car park of goals costs a price lookup per quarter hour
/// per grid, not per goal (BENCHMARKS.md, rules benchmark).
struct GoalWindows {
    let now: Date
    let prices: PriceLookup
    private var windows: [Date: CheapestEnergyWindow] = [:]
    /// Prices by slot index from each grid's slot holding now, keyed by its start in ms.
    private var grids: [Int64: [Double?]] = [:]

    init(now: Date, prices: PriceLookup) {
        self.now = now
        self.prices = prices
    }

    /// The window up to `end`, as `CheapestEnergyWindow(end:now:prices:)` makes it.
    mutating func window(end: Date) -> CheapestEnergyWindow {
        if let known = windows[end] { return known }
        let (firstStart, count) = CheapestEnergyWindow.grid(end: end, now: now)
        let key = Int64((firstStart.timeIntervalSinceReferenceDate * 1000).rounded())
        var known = grids[key] ?? []
        if known.count < count {
            known.reserveCapacity(count)
            for index in known.count..<count {
                known.append(prices.price(at: firstStart.addingTimeInterval(Double(index) * CheapestSlots.slotSeconds)))
            }
            grids[key] = known
        }
        let window = CheapestEnergyWindow(firstStart: firstStart, count: count) { known[$0] }
        windows[end] = window
        return window
    }
}
