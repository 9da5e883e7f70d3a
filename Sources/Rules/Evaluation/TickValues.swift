import Chronology
import Foundation

/// What is the same for every connector in one evaluation, worked out once: inputs (fresh or
/// unknown), price, site power, local time and the answers to `cheapest` questions.
struct TickValues {
    let now: Double
    let inputs: [Double?]
    let price: Double?
    let sitePower: Double?
    /// Seconds since local midnight.
    let secondsOfDay: Double
    /// 0 = Monday.
    let weekday: Int
    let cheapest: [Bool]
    /// The slots left before each energy deadline, ranked.
    let energyWindows: [CheapestEnergyWindow]

    init(ruleSet: RuleSet, world: RuleWorld) {
        now = world.now.timeIntervalSinceReferenceDate
        inputs = ruleSet.inputNames.map(world.freshInput)
        price = world.prices.price(at: world.now)
        var sum: Double? = 0
        for connector in world.connectors {
            guard let total = sum else { break }
            sum = ExpressionEvaluator.power(of: connector).map { total + $0 }
        }
        sitePower = sum
        let local = LocalTime(world.now, in: world.timeZone)
        secondsOfDay = local.secondsOfDay
        weekday = local.weekday.mondayFirstIndex
        cheapest = ruleSet.cheapestQuestions.map { question in
            CheapestSlots.isCheapest(question, now: world.now, timeZone: world.timeZone, prices: world.prices)
        }
        energyWindows = ruleSet.energyDeadlines.map { deadline in
            CheapestEnergyWindow(deadline: deadline, now: world.now, timeZone: world.timeZone, prices: world.prices)
        }
    }
}
