import Chronology
import Foundation

/// The slots left before one deadline of `cheapest ENERGY before HH:MM`, worked out once per
/// evaluation and shared by every connector (docs/rules.md): the 15-minute slots from the one
/// holding now up to the next HH:MM, on the grid that ends at the deadline, ranked by price
/// (ties to the later slot, as `cheapest D before` does). A connector's question is then only
/// "is now among the cheapest N", with N from its own energy and power.
struct CheapestEnergyWindow: Sendable, Equatable {
    /// Slots with a price between now and the deadline, the current one included.
    let pricedSlots: Int
    /// How many priced slots are preferred over the current one; nil when now has no price.
    let rankOfCurrent: Int?

    init(deadline: ClockTime, now: Date, timeZone: TimeZone, prices: PriceLookup) {
        let end = deadline.nextOccurrence(after: now, in: timeZone)
        let count = max(1, Int((end.timeIntervalSince(now) / CheapestSlots.slotSeconds).rounded(.up)))
        // Slot 0 holds now; slot k starts k slots later on the grid that ends at the deadline.
        let firstStart = end.addingTimeInterval(-Double(count) * CheapestSlots.slotSeconds)
        var priced: [(index: Int, price: Double)] = []
        priced.reserveCapacity(count)
        for index in 0..<count {
            if let price = prices.price(at: firstStart.addingTimeInterval(Double(index) * CheapestSlots.slotSeconds)) {
                priced.append((index, price))
            }
        }
        pricedSlots = priced.count
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
}
