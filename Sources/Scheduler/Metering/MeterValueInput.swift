import Foundation

/// One OCPP 1.6 `MeterValue`: the values sampled at one moment.
public struct MeterValueInput: Sendable, Hashable {
    public var timestamp: Date
    public var sampledValues: [SampledValueInput]

    public init(timestamp: Date, sampledValues: [SampledValueInput]) {
        self.timestamp = timestamp
        self.sampledValues = sampledValues
    }
}
