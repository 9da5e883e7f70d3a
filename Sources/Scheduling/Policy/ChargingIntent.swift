/// What the charging family (`charge`, `pause`) decided for a connector.
public enum ChargingIntent: String, Sendable, Hashable {
    case charge
    case pause
}
