/// A checked `type: "modbus"` entry of `sources` (docs/sources.md).
public struct ModbusSourceConfiguration: Sendable, Equatable {
    public var host: String
    /// Default 502.
    public var port: Int
    /// The Modbus unit id (default 1).
    public var unit: UInt8
    /// Seconds between polls (default 5).
    public var interval: Double
    /// Seconds each request may take, connecting included.
    public var timeout: Double
    /// By input name.
    public var inputs: [String: ModbusInputSpec]

    public init(
        host: String, port: Int = 502, unit: UInt8 = 1, interval: Double = 5, timeout: Double? = nil,
        inputs: [String: ModbusInputSpec]
    ) {
        self.host = host
        self.port = port
        self.unit = unit
        self.interval = interval
        self.timeout = timeout ?? HTTPSourceConfiguration.defaultTimeout(interval: interval)
        self.inputs = inputs
    }
}
