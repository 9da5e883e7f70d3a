// Measures the two budgets of issue 4 in a release build:
//   evaluating 50 rules for 1,000 connectors: <= 5 ms per tick;
//   parsing and checking 1,000 rules: <= 50 ms;
//   energy goals (issue 13) for 1,000 connectors over 48 hours of 15-minute prices: <= 10 ms per pass,
//   as the rule `cheapest 20 kWh before 07:00` and as goals of the API, each with its own deadline.
// Run with `swift run -c release RulesBenchmark`.
import ChargingModel
import Foundation
import Rules

/// Fifty rules of the kinds users write: tariffs, solar with hysteresis, caps, shares, starts.
func benchmarkRules(count: Int) -> String {
    var rules: [String] = []
    for index in 0..<count {
        let group = index % 10
        switch group {
        case 0:
            rules.append("rule \"r\(index) off\" { chargers site\(index % 20)-* pause }")
        case 1:
            rules.append(
                "rule \"r\(index) night\" { chargers site\(index % 20)-* priority 1 "
                    + "when time in 22:00..06:30 and weekday in mon..fri charge limit 16 A }")
        case 2:
            rules.append(
                "rule \"r\(index) solar\" { chargers site\(index % 20)-0? priority 2 "
                    + "when connector.power - grid.power >= 1.4 kW for 1m hold 3m "
                    + "limit max(connector.power - grid.power, charger.minCurrent * charger.voltage * charger.phases) }"
            )
        case 3:
            rules.append("rule \"r\(index) start\" { when status is Preparing start idtag \"ampwise\" }")
        case 4:
            rules.append(
                "rule \"r\(index) fuse\" { chargers site\(index % 20)-* share 400 A - grid.power / 690 V }")
        case 5:
            rules.append(
                "rule \"r\(index) cheap\" { chargers site\(index % 20)-1? priority 1 "
                    + "when cheapest 3h before 07:00 charge }")
        case 6:
            rules.append(
                "rule \"r\(index) soc\" { priority 3 when soc >= 80 % and session.energy > 20 kWh stop }")
        case 7:
            rules.append(
                "rule \"r\(index) cap\" { priority 4 limit min(charger.maxCurrent, 32 A - site.power / 690 V / 50) }")
        case 8:
            rules.append(
                "rule \"r\(index) boost\" { chargers site\(index % 20)-*:1 priority 5 "
                    + "when input.boost == 1 and price < 0.25 charge limit 12 A }")
        default:
            rules.append(
                "rule \"r\(index) maintenance\" { chargers site\(index % 20)-99 "
                    + "when weekday in sun and time in 03:00..04:00 unavailable }")
        }
    }
    return rules.joined(separator: "\n")
}

func benchmarkWorld(at now: Date, connectorCount: Int) -> RuleWorld {
    var connectors: [ConnectorState] = []
    var chargers: [String: ChargerSettings] = [:]
    let statuses: [ConnectorStatus] = [.charging, .charging, .preparing, .available, .suspendedEV]
    for index in 0..<connectorCount {
        let chargerId = "site\(index % 20)-\(index / 40)"
        let connectorId = index % 2 + 1
        chargers[chargerId] = ChargerSettings(phases: index % 3 == 0 ? 1 : 3, maxCurrent: 32)
        connectors.append(
            ConnectorState(
                chargerId: chargerId, connectorId: connectorId, status: statuses[index % statuses.count],
                power: Double(index % 11) * 1000, current: Double(index % 16), offered: 16,
                soc: Double(index % 100), sessionEnergy: Double(index) * 40, sessionDuration: 3600,
                hasOpenTransaction: index % 5 < 2, chargingDuration: Double(index % 7) * 600))
    }
    return RuleWorld(
        now: now, timeZone: TimeZone(identifier: "Europe/Amsterdam")!, connectors: connectors, chargers: chargers,
        inputs: [
            "grid.power": InputReading(value: -2500, updatedAt: now),
            "input.boost": InputReading(value: 1, updatedAt: now),
        ],
        inputMaxAge: 300,
        prices: PriceLookup { date in
            0.2 + 0.1 * sin(date.timeIntervalSinceReferenceDate / 7200)
        })
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let clock = ContinuousClock()

// Evaluation: 50 rules x 1,000 connectors.
let ruleSet = RuleChecker.check([RuleSource(path: "bench.rules", text: benchmarkRules(count: 50))]).ruleSet!
let start = Date(timeIntervalSince1970: 1_795_000_000)
var state = TemporalState()
var checksum = 0.0
for tick in 0..<20 {  // warm-up
    let decisions = ruleSet.evaluate(
        benchmarkWorld(at: start.addingTimeInterval(Double(tick) * 10), connectorCount: 1000), state: &state)
    checksum += decisions.reduce(0) { $0 + ($1.limitAmps ?? 0) }
}
let ticks = 200
var worlds: [RuleWorld] = []
for tick in 0..<ticks {
    worlds.append(benchmarkWorld(at: start.addingTimeInterval(Double(200 + tick) * 10), connectorCount: 1000))
}
var tickTimes: [Double] = []
for world in worlds {
    let elapsed = clock.measure {
        let decisions = ruleSet.evaluate(world, state: &state)
        checksum += decisions.reduce(0) { $0 + ($1.limitAmps ?? 0) }
    }
    tickTimes.append(milliseconds(elapsed))
}
tickTimes.sort()
let meanTick = tickTimes.reduce(0, +) / Double(tickTimes.count)

// Parse and check: 1,000 rules in one file.
let thousand = benchmarkRules(count: 1000)
var checkTimes: [Double] = []
for _ in 0..<30 {
    let elapsed = clock.measure {
        let result = RuleChecker.check([RuleSource(path: "bench.rules", text: thousand)])
        checksum += Double(result.ruleSet?.ruleCount ?? 0)
    }
    checkTimes.append(milliseconds(elapsed))
}
checkTimes.sort()
let meanCheck = checkTimes.reduce(0, +) / Double(checkTimes.count)

// Energy goals: 1,000 connectors, each with `cheapest 20 kWh before 07:00`, over 48 hours of
// 15-minute prices (the goal's window is the part up to the next 07:00).
let goals = RuleChecker.check([
    RuleSource(
        path: "goals.rules",
        text: "rule \"off\" { pause }\nrule \"goal\" { priority 1 when cheapest 20 kWh before 07:00 charge }")
]).ruleSet!
let quarterHours = (0..<192).map { index in
    PriceSlot(
        start: start.addingTimeInterval(Double(index) * 900), end: start.addingTimeInterval(Double(index + 1) * 900),
        price: 0.2 + 0.1 * sin(Double(index) / 7))
}
var goalTimes: [Double] = []
for tick in 0..<ticks {
    var world = worlds[tick]
    world.prices = PriceLookup(slots: quarterHours)
    let elapsed = clock.measure {
        let decisions = goals.evaluate(world, state: &state)
        checksum += Double(decisions.filter { $0.charging == .charge }.count)
    }
    goalTimes.append(milliseconds(elapsed))
}
goalTimes.sort()
let meanGoal = goalTimes.reduce(0, +) / Double(goalTimes.count)

// Goals of the API (`POST /api/chargers/{id}/goal`): 1,000 connectors in a session, each with a
// goal of its own (its own deadline, 24 to 41 hours ahead, so no two share a ranking: the worst
// case), over the same 48 hours of prices, with the rule set above beside them.
var apiGoalTimes: [Double] = []
var planTimes: [Double] = []
let quarterHourPrices = PriceLookup(slots: quarterHours)
for tick in 0..<ticks {
    var world = worlds[tick]
    world.prices = quarterHourPrices
    for index in world.connectors.indices {
        world.connectors[index].hasOpenTransaction = true
        let connector = world.connectors[index]
        world.goals[connector.key] = EnergyGoal(
            chargerId: connector.chargerId, connectorId: connector.connectorId, energyWh: 20_000 + Double(index),
            by: world.now.addingTimeInterval(86_400 + Double(index) * 60),
            strategy: index % 4 == 0 ? .solar : .cheapest, setAt: world.now)
    }
    let elapsed = clock.measure {
        let decisions = goals.evaluate(world, state: &state)
        checksum += Double(decisions.filter { $0.charging == .charge }.count)
    }
    apiGoalTimes.append(milliseconds(elapsed))
    // What `GET /api/chargers` costs with every connector's plan laid out (slots, cost).
    if tick % 10 == 0 {
        let world = world
        let planned = clock.measure {
            for connector in world.connectors {
                let plan = EnergyGoalPlan(
                    goal: world.goals[connector.key]!, connector: connector,
                    settings: world.settings(of: connector.chargerId),
                    now: world.now, prices: world.prices)
                checksum += plan.expectedCost ?? 0
            }
        }
        planTimes.append(milliseconds(planned))
    }
}
apiGoalTimes.sort()
planTimes.sort()
let meanAPIGoal = apiGoalTimes.reduce(0, +) / Double(apiGoalTimes.count)

func format(_ value: Double) -> String { String(format: "%.3f", value) }
print("evaluate 50 rules x 1000 connectors, \(ticks) ticks:")
print(
    "  mean \(format(meanTick)) ms, median \(format(tickTimes[ticks / 2])) ms, "
        + "p95 \(format(tickTimes[ticks * 95 / 100])) ms, max \(format(tickTimes.last!)) ms  (target <= 5 ms)")
print("parse + check 1000 rules (\(thousand.utf8.count) bytes), \(checkTimes.count) runs:")
print(
    "  mean \(format(meanCheck)) ms, median \(format(checkTimes[checkTimes.count / 2])) ms, "
        + "max \(format(checkTimes.last!)) ms  (target <= 50 ms)")
print("energy goals: 1000 connectors, 48 h of 15-minute prices, \(ticks) passes:")
print(
    "  mean \(format(meanGoal)) ms, median \(format(goalTimes[ticks / 2])) ms, "
        + "p95 \(format(goalTimes[ticks * 95 / 100])) ms, max \(format(goalTimes.last!)) ms  (target <= 10 ms)")
print("goals of the API: 1000 connectors in a session, 1000 deadlines, 48 h of 15-minute prices, \(ticks) passes:")
print(
    "  mean \(format(meanAPIGoal)) ms, median \(format(apiGoalTimes[ticks / 2])) ms, "
        + "p95 \(format(apiGoalTimes[ticks * 95 / 100])) ms, max \(format(apiGoalTimes.last!)) ms  (target <= 10 ms)")
print(
    "  laying out all 1000 plans (GET /api/chargers), \(planTimes.count) runs: median \(format(planTimes[planTimes.count / 2])) ms"
)
print("checksum \(checksum)")
