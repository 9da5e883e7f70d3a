/// Why a value was sampled (OCPP 1.6 `SampledValue.context`); OCPP's default is
/// `Sample.Periodic`.
public enum ReadingContext: String, Sendable, Hashable, CaseIterable, Codable {
    case interruptionBegin = "Interruption.Begin"
    case interruptionEnd = "Interruption.End"
    case sampleClock = "Sample.Clock"
    case samplePeriodic = "Sample.Periodic"
    case transactionBegin = "Transaction.Begin"
    case transactionEnd = "Transaction.End"
    case trigger = "Trigger"
    case other = "Other"
}
