/// Which log a GetLog asks for.
public enum LogType: OCPPEnumeration {
    case diagnosticsLog
    case securityLog
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.diagnosticsLog, "DiagnosticsLog"),
        (.securityLog, "SecurityLog"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
