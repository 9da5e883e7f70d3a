/// What SPEC §8's `sunspec` names read: `meter.NAME` or `inverter.NAME`.
public enum SunSpecDeviceKind: String, Sendable, CaseIterable {
    case meter, inverter

    /// The models of the kind, in the order they are looked for on a device.
    public var layouts: [SunSpecModelLayout] {
        switch self {
        case .meter: [.meter]
        case .inverter: [.inverter, .floatInverter]
        }
    }

    var modelDescription: String {
        switch self {
        case .meter: "models 201-204"
        case .inverter: "models 101-103 or 111-113"
        }
    }

    /// Every point name of the kind (the same names in its integer and float models).
    public var pointNames: [String] {
        Array(Set(layouts.flatMap { $0.points.keys })).sorted()
    }
}
