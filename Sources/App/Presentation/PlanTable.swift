import Chronology
import Foundation
import Scheduling

/// The text table `ampwise plan` prints per connector.
///
/// ```
/// garage:1
/// time              state            limit  price  grid.power  rules
/// 2026-11-25 00:00  charge          16.0 A   0.11           -  cheap overnight
///            00:15  pause              0 A   0.30     -1380 W  off by default
///            07:00  left to charger      -   0.30           -  -
/// ```
/// State and limit say what Ampwise holds the connector to: `charge` at a limit (or `none`: the
/// charger's own maximum), `pause` at 0 A, or `left to charger` when no rule decides (Ampwise sends
/// nothing). On a charger with `phaseSwitching` a `phases` column after the limit shows the phases
/// the limit is held on (1 or 3). A column per input the rules read shows its simulated value. The
/// date is shown on the first row and whenever it changes; numbers are right-aligned.
public enum PlanTable {
    public static func render(_ series: PlanSeries, timeZone: TimeZone) -> String {
        let inputNames = series.inputNames
        let showsPhases = series.points.contains { $0.state.phases != nil }
        var rows: [[String]] = [
            ["time", "state", "limit"] + (showsPhases ? ["phases"] : []) + ["price"] + inputNames + ["rules"]
        ]
        var lastDay: String?
        for point in series.points {
            let local = LocalTime(point.time, in: timeZone)
            let day = local.dayText
            let shownDay = day == lastDay ? String(repeating: " ", count: day.count) : day
            let time = shownDay + " " + local.clockText
            lastDay = day
            let (state, limit) = cells(point.state)
            let inputs = inputNames.map { name in point.inputs[name].map { InputDisplay.text($0, name: name) } ?? "-" }
            let phases = showsPhases ? [point.state.phases.map(String.init) ?? "-"] : []
            rows.append(
                [time, state, limit] + phases + [point.price.map(PlanNumberFormat.price) ?? "-"] + inputs + [
                    point.rules.isEmpty ? "-" : point.rules.joined(separator: ", ")
                ])
        }
        let columns = rows[0].count
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        // Limit, phases, price and the inputs are numbers.
        let rightAligned = Set(2..<(columns - 1))
        var lines = [series.label]
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }
            lines.append(String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The state and limit cells: `charge 16.0 A`, `charge none`, `pause 0 A`, `left to charger -`.
    static func cells(_ state: PlanState) -> (state: String, limit: String) {
        switch state {
        case .limited(let amps, _): ("charge", PlanNumberFormat.fixed(amps, decimals: 1) + " A")
        case .charging: ("charge", "none")
        case .paused: ("pause", "0 A")
        case .leftToCharger: ("left to charger", "-")
        }
    }
}
