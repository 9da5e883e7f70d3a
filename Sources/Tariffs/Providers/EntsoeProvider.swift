import ChargingModel
import Foundation
import HTTP
import HTTPClient

/// ENTSO-E's transparency platform, day-ahead prices (docs/prices.md, "entsoe"):
/// `GET /api?securityToken=T&documentType=A44&in_Domain=EIC&out_Domain=EIC&periodStart=yyyyMMddHHmm&periodEnd=...`
/// (UTC) answers a `Publication_MarketDocument`: per `TimeSeries` a `currency_Unit.name` and a
/// `price_Measure_Unit.name` (MWH), per `Period` a `timeInterval` (`start`, `end`), a
/// `resolution` (`PT15M`, `PT30M`, `PT60M`) and `Point`s (`position` from 1, `price.amount`).
/// With `curveType` A03 a point that repeats the previous price is left out: each point's price
/// holds until the next point's position (or the period's end). An error is an
/// `Acknowledgement_MarketDocument` whose `Reason.text` says why.
public struct EntsoeProvider: TariffProvider {
    public let type = "entsoe"
    public let token: String
    public let zone: String
    public let url: HTTPURL
    public let timeout: Double

    public init(token: String, zone: String, url: HTTPURL? = nil, timeout: Double = 20) {
        self.token = token
        self.zone = zone
        self.url = url ?? ProviderSupport.publicURL("https://web-api.tp.entsoe.eu/api")
        self.timeout = timeout
    }

    public func requests(around now: Date) throws(TariffFetchError) -> [HTTPClientRequest] {
        // From yesterday's UTC midnight to the UTC midnight after tomorrow: today and tomorrow in
        // every European zone, whatever its offset.
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let query = [
            ("securityToken", token), ("documentType", "A44"), ("in_Domain", zone), ("out_Domain", zone),
            ("periodStart", Self.compactUTC(today - 86_400)), ("periodEnd", Self.compactUTC(today + 2 * 86_400)),
        ]
        return [HTTPClientRequest(url: try ProviderSupport.url(url, query: query), timeout: timeout)]
    }

    /// `yyyyMMddHHmm` in UTC, as the API's `periodStart` and `periodEnd` take it.
    static func compactUTC(_ seconds: TimeInterval) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: seconds))
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + two(parts.month) + two(parts.day) + two(parts.hour)
            + two(parts.minute)
    }

    public func slots(from response: HTTPResponse) throws(TariffFetchError) -> [PriceSlot] {
        let root: XMLElement
        do {
            root = try XMLReader.parse(response.body)
        } catch {
            try ProviderSupport.checkStatus(response)
            throw TariffFetchError("the answer is not XML: \(error)")
        }
        if root.name == "Acknowledgement_MarketDocument" {
            let reason = root.child("Reason")?.childText("text") ?? "no reason given"
            throw TariffFetchError("ENTSO-E: \(reason.prefix(200))")
        }
        try ProviderSupport.checkStatus(response)
        guard root.name == "Publication_MarketDocument" else {
            throw TariffFetchError("expected a Publication_MarketDocument, found \(root.name.prefix(60))")
        }
        var slots: [PriceSlot] = []
        for (seriesIndex, series) in root.children("TimeSeries").enumerated() {
            let path = "TimeSeries[\(seriesIndex)]"
            let unit = series.childText("price_Measure_Unit.name") ?? "MWH"
            guard let divisor = ["MWH": 1000.0, "KWH": 1.0][unit.uppercased()] else {
                throw TariffFetchError("\(path).price_Measure_Unit.name: \(unit.prefix(20)), expected MWH")
            }
            for (periodIndex, period) in series.children("Period").enumerated() {
                slots += try Self.slots(of: period, at: "\(path).Period[\(periodIndex)]", divisor: divisor)
            }
        }
        return slots
    }

    static func slots(of period: XMLElement, at path: String, divisor: Double) throws(TariffFetchError) -> [PriceSlot] {
        guard let interval = period.child("timeInterval"), let startText = interval.childText("start"),
            let endText = interval.childText("end")
        else { throw TariffFetchError("\(path).timeInterval: missing start or end") }
        guard let start = ProviderSupport.timestamp(startText), let end = ProviderSupport.timestamp(endText),
            end > start
        else { throw TariffFetchError("\(path).timeInterval: not a time interval") }
        guard let resolutionText = period.childText("resolution"), let step = isoMinutes(resolutionText) else {
            throw TariffFetchError("\(path).resolution: expected PT15M, PT30M or PT60M")
        }
        var points: [(position: Int, price: Double)] = []
        for (index, point) in period.children("Point").enumerated() {
            guard let position = point.childText("position").flatMap({ Int($0) }), position >= 1 else {
                throw TariffFetchError("\(path).Point[\(index)].position: expected a whole number from 1")
            }
            guard let amount = point.childText("price.amount").flatMap({ Double($0) }), amount.isFinite else {
                throw TariffFetchError("\(path).Point[\(index)].price.amount: expected a number")
            }
            points.append((position, amount / divisor))
        }
        points.sort { $0.position < $1.position }
        var slots: [PriceSlot] = []
        for (index, point) in points.enumerated() {
            let slotStart = start.addingTimeInterval(Double(point.position - 1) * step)
            guard slotStart < end else { break }
            let slotEnd =
                index + 1 < points.count
                ? min(start.addingTimeInterval(Double(points[index + 1].position - 1) * step), end) : end
            guard slotEnd > slotStart else { continue }
            slots.append(PriceSlot(start: slotStart, end: slotEnd, price: point.price))
        }
        return slots
    }

    /// `PT15M`, `PT1H`, `PT60M` in seconds.
    static func isoMinutes(_ text: String) -> TimeInterval? {
        guard text.hasPrefix("PT"), text.count >= 4 else { return nil }
        let number = text.dropFirst(2).dropLast()
        guard let value = Int(number), value > 0, value <= 1440 else { return nil }
        switch text.last {
        case "M": return Double(value) * 60
        case "H": return Double(value) * 3600
        default: return nil
        }
    }
}
