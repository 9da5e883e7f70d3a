import Chronology
import Foundation
import Scheduling

/// The SVG chart of `ampwise plan --svg`: each connector's limit in A as a step line on the left
/// axis and the price as a dashed step line on the right axis, over local time.
///
/// Plain SVG 1.1 written by hand: no scripts, no external fonts (a generic `sans-serif`), so it
/// opens the same in a browser, an image viewer or a document.
public enum PlanChart {
    static let width = 960.0
    static let height = 420.0
    static let left = 64.0
    static let right = 80.0
    static let top = 48.0
    static let bottom = 88.0
    /// Distinguishable, colour-blind friendly (Okabe–Ito) for the connectors.
    static let palette = ["#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]
    static let priceColour = "#7F7F7F"

    public static func svg(_ series: [PlanSeries], timeZone: TimeZone, title: String = "Ampwise plan") -> String {
        let times = series.flatMap { $0.points.map(\.time) }
        let start = times.min() ?? Date(timeIntervalSince1970: 0)
        let end = chartEnd(series, start: start)
        let span = max(end.timeIntervalSince(start), 60)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maxAmps = niceCeiling(max(series.flatMap { $0.points.compactMap(\.limitAmps) }.max() ?? 0, 16))
        let prices = series.first { $0.points.contains { $0.price != nil } }?.points ?? []
        let maxPrice = niceCeiling(max(prices.compactMap(\.price).max() ?? 0, 0.01))
        func x(_ date: Date) -> Double { left + date.timeIntervalSince(start) / span * plotWidth }
        func yAmps(_ amps: Double) -> Double { top + plotHeight - amps / maxAmps * plotHeight }
        func yPrice(_ price: Double) -> Double { top + plotHeight - price / maxPrice * plotHeight }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
            <title>\(escaped(title))</title>
            <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#FFFFFF"/>
            <text x="\(n(width / 2))" y="28" text-anchor="middle" font-size="16" \
            font-weight="bold">\(escaped(title))</text>

            """
        // Grid and the amps axis (left).
        svg += "<g id=\"axis-amps\" stroke=\"#DDDDDD\">\n"
        let ampsStep = maxAmps / 4
        for index in 0...4 {
            let amps = ampsStep * Double(index)
            let y = yAmps(amps)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\"/>\n"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" stroke=\"none\" fill=\"#333333\">"
                + "\(PlanNumberFormat.tick(amps))</text>\n"
        }
        let middle = n(top + plotHeight / 2)
        svg +=
            "<text x=\"18\" y=\"\(middle)\" transform=\"rotate(-90 18 \(middle))\" "
            + "text-anchor=\"middle\" stroke=\"none\" fill=\"#333333\">limit (A)</text>\n</g>\n"
        // The price axis (right).
        svg += "<g id=\"axis-price\" fill=\"\(priceColour)\">\n"
        for index in 0...4 {
            let price = maxPrice / 4 * Double(index)
            svg +=
                "<text x=\"\(n(width - right + 8))\" y=\"\(n(yPrice(price) + 4))\">"
                + "\(PlanNumberFormat.price(price))</text>\n"
        }
        let priceLabelX = width - 16
        svg +=
            "<text x=\"\(n(priceLabelX))\" y=\"\(n(top + plotHeight / 2))\" "
            + "transform=\"rotate(90 \(n(priceLabelX)) \(n(top + plotHeight / 2)))\" text-anchor=\"middle\">"
            + "price (per kWh)</text>\n</g>\n"
        // The time axis: a tick every 1, 2, 3, 6 or 12 hours, so that about 12 labels fit.
        svg += "<g id=\"axis-time\" stroke=\"#333333\">\n"
        svg +=
            "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(width - right))\" "
            + "y2=\"\(n(top + plotHeight))\"/>\n"
        let hours = [1.0, 2, 3, 6, 12, 24].first { span / ($0 * 3600) <= 12 } ?? 24
        var tick = firstHour(after: start, everyHours: hours, in: timeZone)
        while tick <= end {
            let tx = x(tick)
            svg +=
                "<line x1=\"\(n(tx))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(tx))\" "
                + "y2=\"\(n(top + plotHeight + 5))\"/>\n"
            svg +=
                "<text x=\"\(n(tx))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\" stroke=\"none\" "
                + "fill=\"#333333\">\(LocalTime(tick, in: timeZone).clockText)</text>\n"
            tick = tick.addingTimeInterval(hours * 3600)
        }
        let local = LocalTime(start, in: timeZone)
        let axisTitle = "time (" + timeZone.identifier + ", from " + local.dayText + " " + local.clockText + ")"
        svg +=
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(top + plotHeight + 36))\" text-anchor=\"middle\" "
            + "stroke=\"none\" fill=\"#333333\">\(escaped(axisTitle))</text>\n</g>\n"

        // The lines: one path per connector, and the price.
        for (index, connector) in series.enumerated() {
            let colour = palette[index % palette.count]
            let values = connector.points.map { point -> Double? in point.charging ? point.limitAmps : 0 }
            let path = stepPath(times: connector.points.map(\.time), values: values, end: end, x: x, y: yAmps)
            svg += "<path id=\"limit-\(index)\" d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
        }
        let pricePath = stepPath(times: prices.map(\.time), values: prices.map(\.price), end: end, x: x, y: yPrice)
        svg +=
            "<path id=\"price\" d=\"\(pricePath)\" fill=\"none\" stroke=\"\(priceColour)\" stroke-width=\"1.5\" "
            + "stroke-dasharray=\"6 4\"/>\n"

        // The legend, under the time axis.
        svg += "<g id=\"legend\">\n"
        var legendX = left
        let legendY = height - 20
        let entries =
            series.enumerated().map { ("limit " + $1.label, palette[$0 % palette.count], false) }
            + [("price", priceColour, true)]
        for (label, colour, dashed) in entries {
            svg +=
                "<line x1=\"\(n(legendX))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(legendX + 24))\" "
                + "y2=\"\(n(legendY - 4))\" "
                + "stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
            svg += "<text x=\"\(n(legendX + 30))\" y=\"\(n(legendY))\">\(escaped(label))</text>\n"
            legendX += 40 + Double(label.count) * 7
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// The end of the chart: one step after the last point (the steps are evenly spaced).
    static func chartEnd(_ series: [PlanSeries], start: Date) -> Date {
        let longest = series.max { ($0.points.last?.time ?? start) < ($1.points.last?.time ?? start) }
        guard let points = longest?.points, let last = points.last else { return start.addingTimeInterval(3600) }
        let step = points.count > 1 ? last.time.timeIntervalSince(points[points.count - 2].time) : 900
        return last.time.addingTimeInterval(step)
    }

    /// A step line: each value holds until the next time; `nil` leaves a gap.
    static func stepPath(
        times: [Date], values: [Double?], end: Date, x: (Date) -> Double, y: (Double) -> Double
    ) -> String {
        var commands: [String] = []
        var drawing = false
        for (index, time) in times.enumerated() {
            let until = index + 1 < times.count ? times[index + 1] : end
            guard let value = values[index] else {
                drawing = false
                continue
            }
            commands.append((drawing ? "L" : "M") + "\(n(x(time))) \(n(y(value)))")
            commands.append("L\(n(x(until))) \(n(y(value)))")
            drawing = true
        }
        return commands.isEmpty ? "M\(n(left)) \(n(height - bottom))" : commands.joined(separator: " ")
    }

    /// The first whole local hour at or after `start` whose hour is a multiple of `hours`.
    static func firstHour(after start: Date, everyHours hours: Double, in timeZone: TimeZone) -> Date {
        let local = LocalTime(start, in: timeZone)
        var tick = start.addingTimeInterval(-Double(local.minute * 60 + local.second) - local.fractionOfSecond)
        if tick < start { tick = tick.addingTimeInterval(3600) }
        while Double(LocalTime(tick, in: timeZone).hour).truncatingRemainder(dividingBy: hours) != 0 {
            tick = tick.addingTimeInterval(3600)
        }
        return tick
    }

    /// 1, 2, 2.5, 4, 5 or 8 times a power of ten, at or above `value`: round axis ends.
    static func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, (log10(value)).rounded(.down))
        let nice = [1, 2, 2.5, 4, 5, 8, 10].first { $0 * magnitude >= value - 1e-9 } ?? 10
        return nice * magnitude
    }

    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded.rounded() == rounded ? String(Int(rounded)) : String(rounded)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
