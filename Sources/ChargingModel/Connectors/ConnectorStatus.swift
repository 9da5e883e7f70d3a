/// A connector's status in the vocabulary of the rules (`status is Preparing`): OCPP 1.6's
/// connector statuses, which every charger's state is mapped onto (2.0.1's mapping is in
/// docs/charger-management.md).
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

    /// A car is connected and the session can draw power: what a `share` budget counts as
    /// wanting to charge.
    public var isPluggedIn: Bool {
        switch self {
        case .preparing, .charging, .suspendedEV, .suspendedEVSE: true
        default: false
        }
    }

    /// A car is still at the plug with no session drawing power, so that a session Ampwise
    /// stopped to pause it (`pause: "remoteStop"`) can be started again: Preparing, suspended, or
    /// Finishing (the state a charger shows after a remote stop until the car is unplugged).
    public var canResumeSession: Bool {
        switch self {
        case .preparing, .suspendedEV, .suspendedEVSE, .finishing: true
        default: false
        }
    }

    /// Reads a status name regardless of case (`preparing` is `Preparing`), as the rule language
    /// and lenient chargers write them.
    public init?(spelling: String) {
        if let exact = ConnectorStatus(rawValue: spelling) {
            self = exact
            return
        }
        let lowered = spelling.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }
}
