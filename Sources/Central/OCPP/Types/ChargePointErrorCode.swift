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

    public static let spellings: [(value: Self, spelling: String)] = [
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

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "ConnectorLockFailure": .connectorLockFailure
        case "EVCommunicationError": .evCommunicationError
        case "GroundFailure": .groundFailure
        case "HighTemperature": .highTemperature
        case "InternalError": .internalError
        case "LocalListConflict": .localListConflict
        case "NoError": .noError
        case "OtherError": .otherError
        case "OverCurrentFailure": .overCurrentFailure
        case "PowerMeterFailure": .powerMeterFailure
        case "PowerSwitchFailure": .powerSwitchFailure
        case "ReaderFailure": .readerFailure
        case "ResetFailure": .resetFailure
        case "UnderVoltage": .underVoltage
        case "OverVoltage": .overVoltage
        case "WeakSignal": .weakSignal
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .connectorLockFailure: "ConnectorLockFailure"
        case .evCommunicationError: "EVCommunicationError"
        case .groundFailure: "GroundFailure"
        case .highTemperature: "HighTemperature"
        case .internalError: "InternalError"
        case .localListConflict: "LocalListConflict"
        case .noError: "NoError"
        case .otherError: "OtherError"
        case .overCurrentFailure: "OverCurrentFailure"
        case .powerMeterFailure: "PowerMeterFailure"
        case .powerSwitchFailure: "PowerSwitchFailure"
        case .readerFailure: "ReaderFailure"
        case .resetFailure: "ResetFailure"
        case .underVoltage: "UnderVoltage"
        case .overVoltage: "OverVoltage"
        case .weakSignal: "WeakSignal"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
