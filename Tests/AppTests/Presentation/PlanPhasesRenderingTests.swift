import Chronology
import Foundation
import Testing

@testable import App
@testable import Scheduling

/// `ampwise plan` on a charger with `phaseSwitching`: the phases next to the limit.
@Suite struct PlanPhasesRenderingTests {
    static func utc(_ text: String) -> Date { RFC3339.parse(text)! }

    static let garage = PlanSeries(
        label: "garage:1",
        points: [
            PlanPoint(
                time: utc("2026-11-25T11:00:00Z"), state: .limited(amps: 8.7, phases: 3), price: 0.30,
                inputs: ["solar.surplus": 6000], rules: ["solar following"]),
            PlanPoint(
                time: utc("2026-11-25T11:15:00Z"), state: .limited(amps: 13, phases: 1), price: 0.30,
                inputs: ["solar.surplus": 3000], rules: ["solar following"]),
            PlanPoint(
                time: utc("2026-11-25T11:30:00Z"), state: .paused, price: 0.30, inputs: ["solar.surplus": 500],
                rules: ["solar following", "(below minimum)"]),
        ], inputNames: ["solar.surplus"])

    @Test func theTableShowsThePhasesOfEachLimit() {
        #expect(
            PlanTable.render(Self.garage, timeZone: TimeZone(identifier: "UTC")!) == """
                garage:1
                time              state    limit  phases  price  solar.surplus  rules
                2026-11-25 11:00  charge   8.7 A       3   0.30         6000 W  solar following
                           11:15  charge  13.0 A       1   0.30         3000 W  solar following
                           11:30  pause      0 A       -   0.30          500 W  solar following, (below minimum)

                """)
    }

    @Test func theChartLabelsEachLimitWithItsPhases() {
        let svg = PlanChart.svg([Self.garage], timeZone: TimeZone(identifier: "UTC")!)
        #expect(svg.contains(">8.7 A 3ph<"))
        #expect(svg.contains(">13 A 1ph<"))
    }

    @Test func aChargerThatDoesNotSwitchShowsNoPhasesColumn() {
        let series = PlanSeries(
            label: "garage:1",
            points: [PlanPoint(time: Self.utc("2026-11-25T11:00:00Z"), state: .limited(amps: 16), price: 0.30)],
            inputNames: [])
        #expect(!PlanTable.render(series, timeZone: TimeZone(identifier: "UTC")!).contains("phases"))
    }
}
