/// Which register of a 32-bit value comes first: `big`, the high word first (the Modbus
/// convention and SunSpec's), or `little`, the low word first (some meters).
public enum WordOrder: String, Sendable, CaseIterable {
    case big, little
}
