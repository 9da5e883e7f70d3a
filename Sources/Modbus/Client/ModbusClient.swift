import Transport

/// A Modbus TCP client for one device (host and port), on the event loops: reads holding and
/// input registers, async, never blocking a thread. It keeps one connection and opens it again
/// on the next read after it broke; every read has `timeout` seconds (connect included). Reads may
/// overlap: answers are matched by transaction id. Safe to share.
///
/// ```swift
/// let meter = ModbusClient(group: group, host: "10.0.0.8", port: 502, timeout: 5)
/// let registers = try await meter.read(.holding, unit: 1, address: 40071, count: 2)
/// ```
public final class ModbusClient: Sendable {
    public let host: String
    public let port: Int
    public let timeout: Double
    private let session: LoopBound<ModbusSession>

    /// `addressCache`: where the host's resolved addresses are kept between connections (none:
    /// each connection resolves it).
    public init(
        group: EventLoopGroup, host: String, port: Int = 502, timeout: Double = 5, addressCache: AddressCache? = nil
    ) {
        self.host = host
        self.port = port
        self.timeout = timeout
        let loop = group.next()
        session = LoopBound(
            ModbusSession(
                loop: loop, group: group, host: host, port: port, timeout: timeout, addressCache: addressCache),
            loop: loop)
    }

    /// The event loop that owns the device's connection: its requests and answers are handled
    /// there. A task that prefers it (`EventLoopTaskExecutor`) reads without a thread hop.
    public var loop: EventLoop { session.loop }

    deinit {
        let session = self.session
        session.loop.execute { session.value.close() }
    }

    /// `count` registers (1 to 125) from `address` (0-based, as sent on the wire) of `unit`.
    public func read(
        _ function: ModbusReadFunction, unit: UInt8, address: UInt16, count: Int
    ) async throws(ModbusError) -> [UInt16] {
        precondition(count >= 1 && count <= ModbusPDU.maximumRegistersPerRead, "1 to 125 registers per read")
        let slot = ResultSlot<[UInt8], ModbusError>()
        let session = self.session
        let pdu = ModbusPDU.readRequest(function, address: address, count: UInt16(count))
        // On the device's loop (a task that prefers it) the request goes out at once.
        session.loop.runOnLoop {
            session.value.send(unit: unit, pdu: pdu) { slot.fill($0) }
        }
        let answer = try await slot.value(onCancel: .cancelled).get()
        return try ModbusPDU.registers(fromResponse: answer, to: function, count: count)
    }
}
