/// What the availability family (`available`, `unavailable`) decided for a connector.
public enum AvailabilityIntent: String, Sendable, Hashable {
    case available
    case unavailable
}
