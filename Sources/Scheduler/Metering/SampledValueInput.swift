/// One sampled value as the charger sent it: OCPP 1.6 `SampledValue` with its fields still raw
/// strings, so that the normaliser (not the message decoder) decides what to do with odd ones.
public struct SampledValueInput: Sendable, Hashable {
    public var value: String
    public var context: String?
    public var format: String?
    public var measurand: String?
    public var phase: String?
    public var location: String?
    public var unit: String?

    public init(
        value: String, context: String? = nil, format: String? = nil, measurand: String? = nil,
        phase: String? = nil, location: String? = nil, unit: String? = nil
    ) {
        self.value = value
        self.context = context
        self.format = format
        self.measurand = measurand
        self.phase = phase
        self.location = location
        self.unit = unit
    }
}
