import Chronology
import Foundation
import Scheduling

/// The SVG chart of `ampwise plan --svg`, over local time:
/// - a strip per connector that says what it is held to, step by step: its limit (`16 A`, in the
///   connector's colour), `no limit` (a rule says charge, the charger's maximum applies), `paused`
///   (hatched) or `left to charger` (grey: no rule decides, Ampwise sends nothing);
/// - each connector's limit in A as a step line on the left axis (0 while paused, no line where
///   there is no limit) and the price as a dashed step line on the right axis;
/// - below, when the rules read inputs, the simulated inputs (powers in kW).
///
/// Plain SVG 1.1 written by hand: no scripts, no external fonts (a generic `sans-serif`), so it
/// opens the same in a browser, an image viewer or a document.
public enum PlanChart {
    static let width = 960.0
    static let left = 96.0
    static let right = 80.0
    static let stripsTop = 44.0
    static let stripHeight = 16.0
    static let stripGap = 4.0
    static let plotHeight = 240.0
    static let inputsHeight = 110.0
    static let legendRowHeight = 18.0
    /// Distinguishable, colour-blind friendly (Okabe–Ito) for the connectors.
    static let palette = ["#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]
    /// For the inputs, apart from the connectors' (Tol's muted scheme).
    static let inputPalette = ["#882255", "#999933", "#332288", "#AA4499", "#44AA99", "#117733"]
    static let priceColour = "#7F7F7F"
    static let leftToChargerFill = "#E6E6E6"

    /// The vertical layout, which depends on how many connectors and whether inputs are drawn.
    struct Layout {
        let stripsHeight: Double
        let plotTop: Double
        let inputsTop: Double?
        /// Where the time axis runs: under the last panel.
        let axisY: Double

        init(connectors: Int, hasInputs: Bool) {
            stripsHeight = Double(connectors) * (PlanChart.stripHeight + PlanChart.stripGap)
            plotTop = PlanChart.stripsTop + stripsHeight + 12
            let plotBottom = plotTop + PlanChart.plotHeight
            inputsTop = hasInputs ? plotBottom + 24 : nil
            axisY = inputsTop.map { $0 + PlanChart.inputsHeight } ?? plotBottom
        }
    }

    public static func svg(_ series: [PlanSeries], timeZone: TimeZone, title: String = "Ampwise plan") -> String {
        let times = series.flatMap { $0.points.map(\.time) }
        let start = times.min() ?? Date(timeIntervalSince1970: 0)
        let end = chartEnd(series, start: start)
        let span = max(end.timeIntervalSince(start), 60)
        let plotWidth = width - left - right
        let inputs = chartedInputs(series)
        let layout = Layout(connectors: series.count, hasInputs: !inputs.names.isEmpty)
        let maxAmps = niceCeiling(max(series.flatMap { $0.points.compactMap(\.state.chartedAmps) }.max() ?? 0, 16))
        let prices = series.first { $0.points.contains { $0.price != nil } }?.points ?? []
        let maxPrice = niceCeiling(max(prices.compactMap(\.price).max() ?? 0, 0.01))
        func x(_ date: Date) -> Double { left + date.timeIntervalSince(start) / span * plotWidth }
        func yAmps(_ amps: Double) -> Double { layout.plotTop + plotHeight - amps / maxAmps * plotHeight }
        func yPrice(_ price: Double) -> Double { layout.plotTop + plotHeight - price / maxPrice * plotHeight }

        let legend = legendEntries(series, inputNames: inputs.names)
        let legendRows = legendLayout(legend)
        let legendTop = layout.axisY + 60
        let height = legendTop + Double(legendRows.count) * legendRowHeight + 8

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(n(width))" height="\(n(height))" \
            viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
            <title>\(escaped(title))</title>
            <defs>
            <pattern id="paused-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#FBE3E3"/>
            <line x1="0" y1="0" x2="0" y2="6" stroke="#D98C8C" stroke-width="1.5"/>
            </pattern>
            </defs>
            <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#FFFFFF"/>
            <text x="\(n(width / 2))" y="28" text-anchor="middle" font-size="16" \
            font-weight="bold">\(escaped(title))</text>

            """
        svg += states(series, layout: layout, x: x, end: end)
        // Grid and the amps axis (left).
        svg += "<g id=\"axis-amps\" stroke=\"#DDDDDD\">\n"
        for index in 0...4 {
            let amps = maxAmps / 4 * Double(index)
            let y = yAmps(amps)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\"/>\n"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" stroke=\"none\" fill=\"#333333\">"
                + "\(PlanNumberFormat.tick(amps))</text>\n"
        }
        let middle = n(layout.plotTop + plotHeight / 2)
        svg +=
            "<text x=\"40\" y=\"\(middle)\" transform=\"rotate(-90 40 \(middle))\" "
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
            "<text x=\"\(n(priceLabelX))\" y=\"\(middle)\" transform=\"rotate(90 \(n(priceLabelX)) \(middle))\" "
            + "text-anchor=\"middle\">price (per kWh)</text>\n</g>\n"
        svg += timeAxis(start: start, end: end, span: span, layout: layout, timeZone: timeZone, x: x)

        // The lines: one path per connector, and the price.
        for (index, connector) in series.enumerated() {
            let colour = palette[index % palette.count]
            let values = connector.points.map(\.state.chartedAmps)
            let path = stepPath(times: connector.points.map(\.time), values: values, end: end, x: x, y: yAmps)
            svg += "<path id=\"limit-\(index)\" d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
        }
        let pricePath = stepPath(times: prices.map(\.time), values: prices.map(\.price), end: end, x: x, y: yPrice)
        svg +=
            "<path id=\"price\" d=\"\(pricePath)\" fill=\"none\" stroke=\"\(priceColour)\" stroke-width=\"1.5\" "
            + "stroke-dasharray=\"6 4\"/>\n"
        if let inputsTop = layout.inputsTop {
            svg += inputPanel(inputs, top: inputsTop, end: end, x: x)
        }
        svg += legendSVG(legendRows, top: legendTop)
        svg += "</svg>\n"
        return svg
    }

    // MARK: States

    /// A strip per connector: one rectangle per run of steps in the same state, labelled when the
    /// label fits.
    static func states(
        _ series: [PlanSeries], layout: Layout, x: (Date) -> Double, end: Date
    ) -> String {
        var svg = "<g id=\"states\" font-size=\"10\">\n"
        for (index, connector) in series.enumerated() {
            let top = stripsTop + Double(index) * (stripHeight + stripGap)
            let colour = palette[index % palette.count]
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(top + 12))\" text-anchor=\"end\" fill=\"#333333\">"
                + "\(escaped(connector.label))</text>\n"
            for run in runs(connector.points, end: end) {
                let x0 = x(run.start)
                let runWidth = max(0, x(run.end) - x0)
                let (fill, label, textColour) = appearance(run.state, colour: colour)
                svg +=
                    "<rect x=\"\(n(x0))\" y=\"\(n(top))\" width=\"\(n(runWidth))\" height=\"\(n(stripHeight))\" "
                    + "\(fill)><title>\(escaped(connector.label + ": " + label))</title></rect>\n"
                let labelWidth = Double(label.count) * 6
                if labelWidth + 10 <= runWidth {
                    if run.state == .paused {
                        // A clear ground for the label on the hatching.
                        svg +=
                            "<rect x=\"\(n(x0 + runWidth / 2 - labelWidth / 2 - 3))\" y=\"\(n(top + 2))\" "
                            + "width=\"\(n(labelWidth + 6))\" height=\"\(n(stripHeight - 4))\" fill=\"#FFFFFF\" "
                            + "fill-opacity=\"0.85\"/>\n"
                    }
                    svg +=
                        "<text x=\"\(n(x0 + runWidth / 2))\" y=\"\(n(top + 12))\" text-anchor=\"middle\" "
                        + "fill=\"\(textColour)\">\(escaped(label))</text>\n"
                }
            }
        }
        return svg + "</g>\n"
    }

    /// Consecutive steps in the same state, each until the next state begins.
    static func runs(_ points: [PlanPoint], end: Date) -> [(state: PlanState, start: Date, end: Date)] {
        var runs: [(state: PlanState, start: Date, end: Date)] = []
        for (index, point) in points.enumerated() {
            let until = index + 1 < points.count ? points[index + 1].time : end
            if let last = runs.last, last.state == point.state {
                runs[runs.count - 1].end = until
            } else {
                runs.append((point.state, point.time, until))
            }
        }
        return runs
    }

    /// The fill attributes, the label and the label's colour of a state.
    static func appearance(_ state: PlanState, colour: String) -> (fill: String, label: String, text: String) {
        switch state {
        case .limited(let amps, let phases):
            (
                "fill=\"\(colour)\"",
                PlanNumberFormat.tick((amps * 10).rounded() / 10) + " A" + (phases.map { " \($0)ph" } ?? ""), "#FFFFFF"
            )
        case .charging: ("fill=\"\(colour)\" fill-opacity=\"0.3\"", "no limit", "#333333")
        case .paused: ("fill=\"url(#paused-hatch)\"", "paused", "#8B1A1A")
        case .leftToCharger: ("fill=\"\(leftToChargerFill)\"", "left to charger", "#555555")
        }
    }

    // MARK: Time

    /// Hour ticks (every 1, 2, 3, 6 or 12 hours, so that about 12 labels fit) under the last
    /// panel, with faint lines up through the panels.
    static func timeAxis(
        start: Date, end: Date, span: TimeInterval, layout: Layout, timeZone: TimeZone, x: (Date) -> Double
    ) -> String {
        var svg = "<g id=\"axis-time\" stroke=\"#333333\">\n"
        let plotWidth = width - left - right
        svg +=
            "<line x1=\"\(n(left))\" y1=\"\(n(layout.axisY))\" x2=\"\(n(width - right))\" y2=\"\(n(layout.axisY))\"/>\n"
        let hours = [1.0, 2, 3, 6, 12, 24].first { span / ($0 * 3600) <= 12 } ?? 24
        var tick = firstHour(after: start, everyHours: hours, in: timeZone)
        while tick <= end {
            let tx = n(x(tick))
            svg +=
                "<line x1=\"\(tx)\" y1=\"\(n(layout.plotTop))\" x2=\"\(tx)\" y2=\"\(n(layout.axisY))\" "
                + "stroke=\"#EEEEEE\"/>\n"
            svg += "<line x1=\"\(tx)\" y1=\"\(n(layout.axisY))\" x2=\"\(tx)\" y2=\"\(n(layout.axisY + 5))\"/>\n"
            svg +=
                "<text x=\"\(tx)\" y=\"\(n(layout.axisY + 18))\" text-anchor=\"middle\" stroke=\"none\" "
                + "fill=\"#333333\">\(LocalTime(tick, in: timeZone).clockText)</text>\n"
            tick = tick.addingTimeInterval(hours * 3600)
        }
        let local = LocalTime(start, in: timeZone)
        let axisTitle =
            "time (" + AuditTimeline.zoneName(timeZone) + ", from " + local.dayText + " " + local.clockText + ")"
        svg +=
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(layout.axisY + 36))\" text-anchor=\"middle\" "
            + "stroke=\"none\" fill=\"#333333\">\(escaped(axisTitle))</text>\n</g>\n"
        return svg
    }

    // MARK: Inputs

    /// The inputs that have a value somewhere in the plan, and their points (the same for every
    /// connector: the first series that has them).
    static func chartedInputs(_ series: [PlanSeries]) -> (names: [String], points: [PlanPoint]) {
        let points = series.first { $0.points.contains { !$0.inputs.isEmpty } }?.points ?? []
        let names = (series.first?.inputNames ?? []).filter { name in points.contains { $0.inputs[name] != nil } }
        return (names, points)
    }

    /// The inputs panel: powers in kW (a number input as it is) on an axis of its own.
    static func inputPanel(
        _ inputs: (names: [String], points: [PlanPoint]), top: Double, end: Date, x: (Date) -> Double
    ) -> String {
        func scaled(_ value: Double, _ name: String) -> Double {
            InputDisplay.isPower(name) ? value / 1000 : value
        }
        let values = inputs.names.flatMap { name in
            inputs.points.compactMap { $0.inputs[name].map { scaled($0, name) } }
        }
        let highest = max(values.max() ?? 0, 0)
        let lowest = min(values.min() ?? 0, 0)
        let upper = highest > 0 ? niceCeiling(highest) : 0
        let lower = lowest < 0 ? -niceCeiling(-lowest) : 0
        let range = upper - lower > 0 ? upper - lower : 1
        func y(_ value: Double) -> Double { top + inputsHeight - (value - lower) / range * inputsHeight }

        var svg = "<g id=\"axis-inputs\" stroke=\"#DDDDDD\">\n"
        for index in 0...4 {
            let value = lower + range / 4 * Double(index)
            svg +=
                "<line x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(value)))\"/>\n"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\" stroke=\"none\" "
                + "fill=\"#333333\">\(PlanNumberFormat.tick(value))</text>\n"
        }
        if lower < 0 {
            svg +=
                "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" "
                + "stroke=\"#999999\"/>\n"
        }
        let powers = inputs.names.filter(InputDisplay.isPower).count
        let title =
            powers == inputs.names.count ? "inputs (kW)" : powers == 0 ? "inputs" : "inputs (kW; input.* as is)"
        let middle = n(top + inputsHeight / 2)
        svg +=
            "<text x=\"40\" y=\"\(middle)\" transform=\"rotate(-90 40 \(middle))\" text-anchor=\"middle\" "
            + "stroke=\"none\" fill=\"#333333\">\(escaped(title))</text>\n</g>\n"
        svg += "<g id=\"inputs\">\n"
        for (index, name) in inputs.names.enumerated() {
            let path = stepPath(
                times: inputs.points.map(\.time),
                values: inputs.points.map { $0.inputs[name].map { scaled($0, name) } },
                end: end, x: x, y: y)
            svg +=
                "<path id=\"input-\(index)\" d=\"\(path)\" fill=\"none\" "
                + "stroke=\"\(inputPalette[index % inputPalette.count])\" stroke-width=\"1.5\"/>\n"
        }
        return svg + "</g>\n"
    }

    // MARK: Legend

    /// What the legend shows: a line or a swatch, its colour (or fill) and its label.
    enum LegendMark {
        case line(colour: String, dashed: Bool)
        case swatch(fill: String)
    }

    static func legendEntries(_ series: [PlanSeries], inputNames: [String]) -> [(mark: LegendMark, label: String)] {
        var entries: [(mark: LegendMark, label: String)] = series.enumerated().map {
            (.line(colour: palette[$0 % palette.count], dashed: false), "limit " + $1.label)
        }
        entries.append((.line(colour: priceColour, dashed: true), "price"))
        for (index, name) in inputNames.enumerated() {
            let unit = InputDisplay.isPower(name) ? " (kW)" : ""
            entries.append((.line(colour: inputPalette[index % inputPalette.count], dashed: false), name + unit))
        }
        entries.append((.swatch(fill: "fill=\"url(#paused-hatch)\""), "paused"))
        entries.append((.swatch(fill: "fill=\"\(leftToChargerFill)\""), "left to charger (no rule decides)"))
        entries.append((.swatch(fill: "fill=\"\(palette[0])\" fill-opacity=\"0.3\""), "no limit (charger's maximum)"))
        return entries
    }

    /// The entries in rows that fit the width, each with its x.
    static func legendLayout(_ entries: [(mark: LegendMark, label: String)]) -> [[(
        x: Double, mark: LegendMark, label: String
    )]] {
        var rows: [[(x: Double, mark: LegendMark, label: String)]] = [[]]
        var x = left
        for entry in entries {
            let entryWidth = 40 + Double(entry.label.count) * 7
            if x + entryWidth > width - 16, !(rows.last?.isEmpty ?? true) {
                rows.append([])
                x = left
            }
            rows[rows.count - 1].append((x, entry.mark, entry.label))
            x += entryWidth
        }
        return rows
    }

    static func legendSVG(_ rows: [[(x: Double, mark: LegendMark, label: String)]], top: Double) -> String {
        var svg = "<g id=\"legend\">\n"
        for (row, entries) in rows.enumerated() {
            let y = top + Double(row) * legendRowHeight
            for entry in entries {
                switch entry.mark {
                case .line(let colour, let dashed):
                    svg +=
                        "<line x1=\"\(n(entry.x))\" y1=\"\(n(y - 4))\" x2=\"\(n(entry.x + 24))\" y2=\"\(n(y - 4))\" "
                        + "stroke=\"\(colour)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
                case .swatch(let fill):
                    svg += "<rect x=\"\(n(entry.x))\" y=\"\(n(y - 10))\" width=\"24\" height=\"12\" \(fill)/>\n"
                }
                svg += "<text x=\"\(n(entry.x + 30))\" y=\"\(n(y))\">\(escaped(entry.label))</text>\n"
            }
        }
        return svg + "</g>\n"
    }

    // MARK: Shared

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
        return commands.isEmpty ? "M\(n(left)) \(n(y(0)))" : commands.joined(separator: " ")
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
