/// The OCPP 1.6 connector status, as reported by StatusNotification.
public enum ConnectorStatus: String, Sendable, CaseIterable, Hashable {
    case available = "Available"
    case preparing = "Preparing"
    case charging = "Charging"
    case suspendedEV = "SuspendedEV"
    case suspendedEVSE = "SuspendedEVSE"
    case finishing = "Finishing"
    case reserved = "Reserved"
    case unavailable = "Unavailable"
    case faulted = "Faulted"

    /// A car is connected and the session can draw power (what `share` counts as wanting to charge).
    public var isPluggedIn: Bool {
        switch self {
        case .preparing, .charging, .suspendedEV, .suspendedEVSE: return true
        default: return false
        }
    }

    /// Reads a status name regardless of case (`preparing` is `Preparing`).
    init?(spelling: String) {
        let lowered = spelling.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }

    var bit: UInt16 { 1 << UInt16(Self.allCases.firstIndex(of: self)!) }
}
