/// What triggered a sampled value.
public enum ReadingContext: OCPPEnumeration {
    case interruptionBegin
    case interruptionEnd
    case sampleClock
    case samplePeriodic
    case transactionBegin
    case transactionEnd
    case trigger
    case other
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.interruptionBegin, "Interruption.Begin"),
        (.interruptionEnd, "Interruption.End"),
        (.sampleClock, "Sample.Clock"),
        (.samplePeriodic, "Sample.Periodic"),
        (.transactionBegin, "Transaction.Begin"),
        (.transactionEnd, "Transaction.End"),
        (.trigger, "Trigger"),
        (.other, "Other"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
