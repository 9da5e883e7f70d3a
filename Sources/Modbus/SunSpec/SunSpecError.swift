/// Why a SunSpec point could not be read.
public enum SunSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Reading the registers failed.
    case modbus(ModbusError)
    /// No "SunS" marker at any of the base addresses tried.
    case notSunSpec(tried: [UInt16])
    /// The device has no model of this kind.
    case noModel(kind: SunSpecDeviceKind)
    /// The device marks the point (or its scale factor) as not implemented.
    case notImplemented(point: String)
    /// The model list does not end (no end marker within the address space or 100 models).
    case malformedModelList(address: UInt16)

    public var description: String {
        switch self {
        case .modbus(let error): "\(error)"
        case .notSunSpec(let tried):
            "no SunSpec device: no \"SunS\" marker at \(tried.map(String.init).joined(separator: ", "))"
        case .noModel(let kind): "no SunSpec \(kind.rawValue) (\(kind.modelDescription)) on the device"
        case .notImplemented(let point): "the device does not implement \(point)"
        case .malformedModelList(let address): "the SunSpec model list does not end (at register \(address))"
        }
    }
}
