import Chronology
import Foundation

/// The quarter hours left before a deadline, ranked by price: the one planner of energy goals,
/// for `cheapest ENERGY before HH:MM` and for the goals of the API (docs/rules.md,
/// docs/prices.md). The slots run from the one holding now up to the deadline, on the grid that
/// ends at the deadline; ties go to the later slot (as `cheapest D before` does). Worked out once
/// per deadline per evaluation and shared by every connector: a connector's question is then
/// only "is now among the cheapest N", with N from its own energy and power.
struct CheapestEnergyWindow: Sendable, Equatable {
    /// A slot with a known price; `index` 0 is the one holding now.
    struct PricedSlot: Sendable, Equatable {
        var index: Int
        var price: Double
    }

    /// The start of slot 0, the one holding now.
    let firstStart: Date
    /// Every slot between now and the deadline, the current one included, priced or not.
    let slotCount: Int
    /// The slots with a price, by index.
    let priced: [PricedSlot]
    /// How many priced slots are preferred over the current one; nil when now has no price.
    let rankOfCurrent: Int?

    /// Slots with a price between now and the deadline, the current one included.
    var pricedSlots: Int { priced.count }

    /// The window up to the next `deadline` (local time in `timeZone`).
    init(deadline: ClockTime, now: Date, timeZone: TimeZone, prices: PriceLookup) {
        self.init(end: deadline.nextOccurrence(after: now, in: timeZone), now: now, prices: prices)
    }

    /// The window up to `end`, an instant after `now`.
    init(end: Date, now: Date, prices: PriceLookup) {
        let (firstStart, count) = Self.grid(end: end, now: now)
        self.init(firstStart: firstStart, count: count) { index in
            prices.price(at: firstStart.addingTimeInterval(Double(index) * CheapestSlots.slotSeconds))
        }
    }

    /// Where the grid that ends at `end` has its slot holding `now` (in (now − 15 min, now]), and
    /// how many slots it has up to `end`.
    static func grid(end: Date, now: Date) -> (firstStart: Date, count: Int) {
        let count = max(1, Int((end.timeIntervalSince(now) / CheapestSlots.slotSeconds).rounded(.up)))
        // Slot 0 holds now; slot k starts k slots later on the grid that ends at the deadline.
        return (end.addingTimeInterval(-Double(count) * CheapestSlots.slotSeconds), count)
    }

    /// The window of `count` slots from `firstStart`, slot k's price from `price(k)`.
    init(firstStart: Date, count: Int, price: (Int) -> Double?) {
        self.firstStart = firstStart
        slotCount = count
        var priced: [PricedSlot] = []
        priced.reserveCapacity(count)
        for index in 0..<count {
            if let price = price(index) { priced.append(PricedSlot(index: index, price: price)) }
        }
        self.priced = priced
        if let current = priced.first, current.index == 0 {
            rankOfCurrent = priced.dropFirst().filter { $0.price <= current.price }.count
        } else {
            rankOfCurrent = nil
        }
    }

    /// Slots needed to deliver `energy` Wh at `power` W (at least one while energy is missing).
    static func slotsNeeded(energy: Double, power: Double) -> Int {
        guard energy > 0 else { return 0 }
        guard power > 0 else { return Int.max }
        let perSlot = power * CheapestSlots.slotSeconds / 3600
        return Int((energy / perSlot).rounded(.up))
    }

    /// True while now is one of the `needed` cheapest slots, and whenever the slots left cannot
    /// deliver the energy any more (the goal then charges at full power).
    func isChosen(needed: Int) -> Bool {
        guard needed > 0 else { return false }
        if needed > pricedSlots { return true }
        guard let rankOfCurrent else { return false }
        return rankOfCurrent < needed
    }

    /// The `needed` cheapest priced slots (ties to the later one), cheapest first: what
    /// `isChosen` answers for now, laid out for the whole window (the API, `ampwise plan`).
    func cheapest(_ needed: Int) -> [PricedSlot] {
        guard needed > 0 else { return [] }
        let ranked = priced.sorted { $0.price != $1.price ? $0.price < $1.price : $0.index > $1.index }
        return Array(ranked.prefix(needed))
    }

    /// Where slot `index` starts.
    func start(of index: Int) -> Date {
        firstStart.addingTimeInterval(Double(index) * CheapestSlots.slotSeconds)
    }
}
