import Modbus

/// How one input is read from a Modbus device: a raw register, or a SunSpec point.
public struct ModbusInputSpec: Sendable, Equatable {
    public enum Reading: Sendable, Equatable {
        /// `register` (0-based, as sent on the wire), `function`, `format`, `wordOrder`.
        case register(address: UInt16, function: ModbusReadFunction, format: RegisterFormat, wordOrder: WordOrder)
        /// `sunspec`: `meter.W` is `.sunspec(.meter, "W")`.
        case sunspec(SunSpecDeviceKind, point: String)
    }

    public var reading: Reading
    /// Multiplies the value read (after a SunSpec scale factor).
    public var scale: Double

    public init(reading: Reading, scale: Double = 1) {
        self.reading = reading
        self.scale = scale
    }
}
