/// The error a charger reports in a StatusNotification.
public enum ChargePointErrorCode: OCPPEnumeration {
    case connectorLockFailure
    case evCommunicationError
    case groundFailure
    case highTemperature
    case internalError
    case localListConflict
    case noError
    case otherError
    case overCurrentFailure
    case powerMeterFailure
    case powerSwitchFailure
    case readerFailure
    case resetFailure
    case underVoltage
    case overVoltage
    case weakSignal
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.connectorLockFailure, "ConnectorLockFailure"),
        (.evCommunicationError, "EVCommunicationError"),
        (.groundFailure, "GroundFailure"),
        (.highTemperature, "HighTemperature"),
        (.internalError, "InternalError"),
        (.localListConflict, "LocalListConflict"),
        (.noError, "NoError"),
        (.otherError, "OtherError"),
        (.overCurrentFailure, "OverCurrentFailure"),
        (.powerMeterFailure, "PowerMeterFailure"),
        (.powerSwitchFailure, "PowerSwitchFailure"),
        (.readerFailure, "ReaderFailure"),
        (.resetFailure, "ResetFailure"),
        (.underVoltage, "UnderVoltage"),
        (.overVoltage, "OverVoltage"),
        (.weakSignal, "WeakSignal"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
