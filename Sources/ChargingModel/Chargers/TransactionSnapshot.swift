import Foundation

/// An open transaction as the API and the rules see it.
public struct TransactionSnapshot: Sendable, Equatable {
    public var id: Int
    public var idTag: String
    public var startedAt: Date
    public var meterStart: Double
    public var energyWh: Double

    public init(id: Int, idTag: String, startedAt: Date, meterStart: Double, energyWh: Double) {
        self.id = id
        self.idTag = idTag
        self.startedAt = startedAt
        self.meterStart = meterStart
        self.energyWh = energyWh
    }

    public func durationSeconds(at now: Date) -> Double { max(0, now.timeIntervalSince(startedAt)) }
}
