/// The availability family: ChangeAvailability of the connector.
public enum AvailabilityDecision: String, Sendable, Equatable {
    case available
    case unavailable
    case none
}
