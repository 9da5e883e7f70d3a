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

    public static let spellings: [(value: Self, spelling: String)] = [
        (.interruptionBegin, "Interruption.Begin"),
        (.interruptionEnd, "Interruption.End"),
        (.sampleClock, "Sample.Clock"),
        (.samplePeriodic, "Sample.Periodic"),
        (.transactionBegin, "Transaction.Begin"),
        (.transactionEnd, "Transaction.End"),
        (.trigger, "Trigger"),
        (.other, "Other"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Interruption.Begin": .interruptionBegin
        case "Interruption.End": .interruptionEnd
        case "Sample.Clock": .sampleClock
        case "Sample.Periodic": .samplePeriodic
        case "Transaction.Begin": .transactionBegin
        case "Transaction.End": .transactionEnd
        case "Trigger": .trigger
        case "Other": .other
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .interruptionBegin: "Interruption.Begin"
        case .interruptionEnd: "Interruption.End"
        case .sampleClock: "Sample.Clock"
        case .samplePeriodic: "Sample.Periodic"
        case .transactionBegin: "Transaction.Begin"
        case .transactionEnd: "Transaction.End"
        case .trigger: "Trigger"
        case .other: "Other"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
