/// One variable of a 2.0.1 station's device model as Ampwise keeps it (the charger's
/// `configuration`): named `Component.Variable`, with `[instance]` and `@evse` (`@evse:connector`)
/// where the report gives them, e.g. `SmartChargingCtrlr.RateUnit`, `EVSE@1.Power`.
struct DeviceModelEntry: Sendable, Hashable {
    var name: String
    /// The `Actual` value; nil when the station reported none (a write-only variable).
    var value: String?
    var isReadonly: Bool
}
