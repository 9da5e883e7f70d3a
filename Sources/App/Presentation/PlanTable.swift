import Chronology
import Foundation
import Scheduling

/// The text table `ampwise plan` prints per connector.
///
/// ```
/// garage:1
/// time              state   limit  price  rules
/// 2026-11-25 00:00  charge  16.0 A  0.11  cheap overnight
///            00:15  pause      0 A  0.30  off by default
/// ```
/// The date is shown on the first row and whenever it changes; numbers are right-aligned.
public enum PlanTable {
    public static func render(_ series: PlanSeries, timeZone: TimeZone) -> String {
        var rows: [[String]] = [["time", "state", "limit", "price", "rules"]]
        var lastDay: String?
        for point in series.points {
            let local = LocalTime(point.time, in: timeZone)
            let day = local.dayText
            let shownDay = day == lastDay ? String(repeating: " ", count: day.count) : day
            let time = shownDay + " " + local.clockText
            lastDay = day
            let limit: String
            if !point.charging {
                limit = "0 A"
            } else if let amps = point.limitAmps {
                limit = PlanNumberFormat.fixed(amps, decimals: 1) + " A"
            } else {
                limit = "-"
            }
            rows.append([
                time, point.charging ? "charge" : "pause", limit, point.price.map(PlanNumberFormat.price) ?? "-",
                point.rules.isEmpty ? "-" : point.rules.joined(separator: ", "),
            ])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [2, 3]
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
}
