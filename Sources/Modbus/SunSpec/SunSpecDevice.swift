/// What SunSpec discovery found on a device: its models in order and, from the common model (1),
/// who made it.
public struct SunSpecDevice: Sendable, Equatable {
    /// Where the "SunS" marker is: 40000, 0 or 50000.
    public let baseAddress: UInt16
    public let models: [SunSpecModelLocation]
    /// The common model's `Mn` and `Md`, when present.
    public let manufacturer: String?
    public let model: String?

    public init(baseAddress: UInt16, models: [SunSpecModelLocation], manufacturer: String?, model: String?) {
        self.baseAddress = baseAddress
        self.models = models
        self.manufacturer = manufacturer
        self.model = model
    }

    /// The first model of `kind` and its layout.
    public func first(_ kind: SunSpecDeviceKind) -> (location: SunSpecModelLocation, layout: SunSpecModelLayout)? {
        for location in models {
            if let layout = kind.layouts.first(where: { $0.modelIds.contains(location.id) }) {
                return (location, layout)
            }
        }
        return nil
    }
}
