/// The plain Accepted or Rejected answer that OCPP 1.6 defines under five names (one per action).
public enum AcceptanceStatus: OCPPEnumeration {
    case accepted
    case rejected
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}

/// The answer to a CancelReservation.
public typealias CancelReservationStatus = AcceptanceStatus
/// The answer to a ClearCache.
public typealias ClearCacheStatus = AcceptanceStatus
/// The answer to a GetCompositeSchedule.
public typealias GetCompositeScheduleStatus = AcceptanceStatus
/// The answer to a RemoteStartTransaction or RemoteStopTransaction.
public typealias RemoteStartStopStatus = AcceptanceStatus
/// The answer to a Reset.
public typealias ResetStatus = AcceptanceStatus
/// The answer to a SignCertificate (the security whitepaper's GenericStatusEnumType).
public typealias SignCertificateStatus = AcceptanceStatus
/// The answer to a CertificateSigned.
public typealias CertificateSignedStatus = AcceptanceStatus
