import Chronology
import Foundation
import Testing

@testable import App
@testable import Scheduling

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct PlanRenderingTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    static func utc(_ text: String) -> Date { RFC3339.parse(text)! }

    static let garage = PlanSeries(
        label: "garage:1",
        points: [
            PlanPoint(
                time: utc("2026-11-24T22:45:00Z"), state: .paused, price: 0.30, inputs: ["grid.power": 400],
                rules: ["off by default"]),
            PlanPoint(
                time: utc("2026-11-24T23:00:00Z"), state: .paused, price: 0.30, inputs: ["grid.power": 400],
                rules: ["off by default"]),
            PlanPoint(
                time: utc("2026-11-24T23:30:00Z"), state: .limited(amps: 16), price: 0.11,
                inputs: ["grid.power": -2300, "input.boost": 1], rules: ["cheap overnight", "garage fuse"]),
            PlanPoint(
                time: utc("2026-11-24T23:45:00Z"), state: .charging, price: 0.1234, inputs: ["grid.power": -2300.5],
                rules: ["cheap overnight"]),
            PlanPoint(time: utc("2026-11-25T00:00:00Z"), state: .leftToCharger, price: nil, rules: []),
        ], inputNames: ["grid.power", "input.boost"])

    @Test func theTableSaysPausedLimitedNoLimitOrLeftToTheChargerAndShowsTheInputs() {
        #expect(
            PlanTable.render(Self.garage, timeZone: Self.amsterdam) == """
                garage:1
                time              state             limit   price  grid.power  input.boost  rules
                2026-11-24 23:45  pause               0 A    0.30       400 W            -  off by default
                2026-11-25 00:00  pause               0 A    0.30       400 W            -  off by default
                           00:30  charge           16.0 A    0.11     -2300 W            1  cheap overnight, garage fuse
                           00:45  charge             none  0.1234   -2300.5 W            -  cheap overnight
                           01:00  left to charger       -       -           -            -  -

                """)
    }

    @Test func theChartIsWellFormedSVGWithAxesLegendAndOnePathPerSeries() throws {
        let carport = PlanSeries(
            label: "carport:1",
            points: Self.garage.points.map { point in
                var point = point
                if case .limited(let amps, let phases) = point.state {
                    point.state = .limited(amps: amps / 2, phases: phases)
                }
                return point
            }, inputNames: Self.garage.inputNames)
        let svg = PlanChart.svg([Self.garage, carport], timeZone: Self.amsterdam, title: "Night <plan> & more")
        let document = try SVGDocument(svg)
        #expect(document.root == "svg")
        let paths = document.elements.filter { $0.name == "path" }.map { $0.attributes["id"] }
        #expect(paths == ["limit-0", "limit-1", "price", "input-0", "input-1"])
        #expect(
            Set(document.groupIds).isSuperset(of: [
                "states", "axis-amps", "axis-price", "axis-time", "axis-inputs", "inputs", "legend",
            ]))
        #expect(document.texts.contains("Night <plan> & more"))
        #expect(document.texts.contains("limit (A)"))
        #expect(document.texts.contains("price (per kWh)"))
        #expect(document.texts.contains("inputs (kW; input.* as is)"))
        #expect(document.texts.contains("limit garage:1"))
        #expect(document.texts.contains("limit carport:1"))
        #expect(document.texts.contains("price"))
        #expect(document.texts.contains("grid.power (kW)"))
        #expect(document.texts.contains("input.boost"))
        // Hour ticks in local time across the window (23:45 to 01:15).
        #expect(document.texts.contains("00:00"))
        #expect(document.texts.contains("01:00"))
        #expect(document.texts.contains("20"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("font-family=\"sans-serif\""))
    }

    @Test func theStateStripsSayWhatEachStretchIsHeldTo() throws {
        let document = try SVGDocument(PlanChart.svg([Self.garage], timeZone: Self.amsterdam))
        // One rectangle per stretch, each titled for a reader that hovers or reads the file.
        #expect(
            document.texts.filter { $0.hasPrefix("garage:1: ") } == [
                "garage:1: paused", "garage:1: 16 A", "garage:1: no limit", "garage:1: left to charger",
            ])
        #expect(document.texts.contains("paused"))
        #expect(document.texts.contains("left to charger (no rule decides)"))
        #expect(document.texts.contains("no limit (charger's maximum)"))
        let states = PlanChart.runs(Self.garage.points, end: Self.utc("2026-11-25T00:15:00Z")).map(\.state)
        #expect(states == [.paused, .limited(amps: 16), .charging, .leftToCharger])
    }

    @Test func theTimeAxisNamesTheZoneAsConfiguredSoUTCIsNotCalledGMT() throws {
        // Foundation names the zone of `"timezone": "UTC"` GMT; the chart says what the user wrote.
        let utc = try #require(TimeZone(identifier: "UTC"))
        let document = try SVGDocument(PlanChart.svg([Self.garage], timeZone: utc))
        #expect(document.texts.contains("time (UTC, from 2026-11-24 22:45)"))
        #expect(!document.texts.contains { $0.contains("GMT") })
        let amsterdam = try SVGDocument(PlanChart.svg([Self.garage], timeZone: Self.amsterdam))
        #expect(amsterdam.texts.contains("time (Europe/Amsterdam, from 2026-11-24 23:45)"))
    }

    @Test func aPausedStepDrawsAtZeroAndNoLimitOrNoOpinionLeavesAGap() {
        #expect(Self.garage.points.map(\.state.chartedAmps) == [0, 0, 16, nil, nil])
        let path = PlanChart.stepPath(
            times: [0, 60, 120].map { Date(timeIntervalSince1970: $0) }, values: [0, nil, 10],
            end: Date(timeIntervalSince1970: 180), x: { $0.timeIntervalSince1970 }, y: { 100 - $0 })
        #expect(path == "M0 100 L60 100 M120 90 L180 90")
    }

    @Test(arguments: [(13.0, 20.0), (16.0, 20.0), (32.0, 40.0), (0.31, 0.4), (0.01, 0.01), (7.5, 8.0)])
    func axisEndsAreRound(value: Double, ceiling: Double) {
        #expect(abs(PlanChart.niceCeiling(value) - ceiling) < 1e-9)
    }
}

/// What the tests need from a parsed SVG: element names with attributes, and the text content.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var texts: [String] = []
    private var currentText = ""

    var root: String? { elements.first?.name }
    var groupIds: [String] { elements.filter { $0.name == "g" }.compactMap { $0.attributes["id"] } }

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: elementName, attributes: attributes))
        currentText = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" || elementName == "title" { texts.append(currentText) }
        currentText = ""
    }
}
