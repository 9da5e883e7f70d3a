import Chronology
import Foundation

/// Answers `cheapest D before HH:MM`: is now in one of the cheapest 15-minute slots that together
/// last D, among the 96 slots of the 24 hours ending at the next HH:MM (ties to the later slot)?
enum CheapestSlots {
    static let slotSeconds = 900.0

    /// The start of each chosen slot, earliest first (for tests, `ampwise plan` and the docs).
    static func chosenSlots(
        _ question: CheapestQuestion, now: Date, timeZone: TimeZone, prices: PriceLookup
    ) -> (windowStart: Date, chosen: [Int]) {
        // A deadline skipped by a DST change counts from the next existing time (docs/rules.md).
        let end = question.before.nextOccurrence(after: now, in: timeZone)
        let start = end.addingTimeInterval(-86_400)
        var priced: [(index: Int, price: Double)] = []
        priced.reserveCapacity(96)
        for index in 0..<96 {
            if let price = prices.price(at: start.addingTimeInterval(Double(index) * slotSeconds)) {
                priced.append((index, price))
            }
        }
        priced.sort { $0.price != $1.price ? $0.price < $1.price : $0.index > $1.index }
        return (start, priced.prefix(question.slotCount).map(\.index).sorted())
    }

    static func isCheapest(_ question: CheapestQuestion, now: Date, timeZone: TimeZone, prices: PriceLookup) -> Bool {
        let (start, chosen) = chosenSlots(question, now: now, timeZone: timeZone, prices: prices)
        let offset = now.timeIntervalSince(start)
        guard offset >= 0 else { return false }
        return chosen.contains(Int(offset / slotSeconds))
    }
}
