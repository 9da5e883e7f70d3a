import Foundation

/// The demo's house: a solar curve with passing clouds, a base load, and a day's price curve, as
/// functions of the time of day (hours since local midnight, 0..<24).
///
/// The demo runs the sun faster than real time (`ampwise demo`: a simulated hour per real minute)
/// so that a newcomer sees the limits follow it within minutes; the prices follow the real clock.
public struct SimulatedHouse: Sendable, Equatable {
    /// The solar array's output at noon on a clear day, W.
    public var solarPeakWatts = 11_000.0
    /// Sunrise and sunset, hours.
    public var sunrise = 6.0
    public var sunset = 20.0
    /// What the house draws without the chargers, W (it varies by ±30 % over the day).
    public var baseLoadWatts = 600.0

    public init() {}

    /// Clouds that pass over the array: from, to (hours) and how much sun gets through.
    static let clouds: [(from: Double, to: Double, factor: Double)] = [
        (10.80, 11.05, 0.3), (12.30, 12.50, 0.5), (13.60, 13.90, 0.2), (15.20, 15.50, 0.4),
    ]

    /// Solar output at `hour`, W.
    public func solarWatts(atHour hour: Double) -> Double {
        guard hour > sunrise, hour < sunset else { return 0 }
        let clear = solarPeakWatts * sin(Double.pi * (hour - sunrise) / (sunset - sunrise))
        let cloud = Self.clouds.first { hour >= $0.from && hour < $0.to }?.factor ?? 1
        return (clear * cloud).rounded()
    }

    /// The house's own load at `hour`, W: higher in the morning and the evening.
    public func baseLoadWatts(atHour hour: Double) -> Double {
        let evening = exp(-pow((hour - 19) / 2, 2))
        let morning = exp(-pow((hour - 7.5) / 1.2, 2))
        return (baseLoadWatts * (0.7 + 0.6 * evening + 0.4 * morning)).rounded()
    }

    /// A dynamic tariff's price per kWh at `hour`: cheap at night and around noon, dear in the evening.
    public func price(atHour hour: Double) -> Double {
        let evening = exp(-pow((hour - 18.5) / 2, 2))
        let noon = exp(-pow((hour - 13) / 2.5, 2))
        let night = exp(-pow((hour - 3) / 2.5, 2))
        return ((0.28 + 0.14 * evening - 0.08 * noon - 0.10 * night) * 10_000).rounded() / 10_000
    }
}
