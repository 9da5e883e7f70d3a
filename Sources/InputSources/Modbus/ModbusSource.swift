import Logging
import Modbus
import Transport

/// `type: "modbus"`: every interval, read each raw register input, and each SunSpec input from the
/// first meter or inverter model SunSpec discovery finds (one read per model kind, so a value and
/// its scale factor come from the same answer).
public struct ModbusSource: PolledSource {
    public let name: String
    public let type = "modbus"
    public let configuration: ModbusSourceConfiguration
    private let client: ModbusClient
    private let sunSpec = SunSpecCache()
    private let logger = Logger(label: "sources")

    public init(name: String, configuration: ModbusSourceConfiguration, client: ModbusClient) {
        self.name = name
        self.configuration = configuration
        self.client = client
    }

    public var interval: Double { configuration.interval }
    public var loop: EventLoop { client.loop }
    public var inputNames: [String] { configuration.inputs.keys.sorted() }

    public func poll() async throws(SourceError) -> [String: Double] {
        var values: [String: Double] = [:]
        var sunSpecInputs: [SunSpecDeviceKind: [(input: String, point: String, scale: Double)]] = [:]
        for (input, spec) in configuration.inputs.sorted(by: { $0.key < $1.key }) {
            switch spec.reading {
            case .register(let address, let function, let format, let wordOrder):
                let registers: [UInt16]
                do {
                    registers = try await client.read(
                        function, unit: configuration.unit, address: address, count: format.registerCount)
                } catch {
                    throw SourceError("\(input) (register \(address)): \(error)")
                }
                guard let value = format.value(of: registers, wordOrder: wordOrder) else {
                    throw SourceError("\(input) (register \(address)): not a number")
                }
                values[input] = value * spec.scale
            case .sunspec(let kind, let point):
                sunSpecInputs[kind, default: []].append((input, point, spec.scale))
            }
        }
        guard !sunSpecInputs.isEmpty else { return values }
        do {
            try await readSunSpec(sunSpecInputs, into: &values)
        } catch {
            sunSpec.store(nil)
            throw SourceError(error.description)
        }
        return values
    }

    /// Each kind's model block in one read, then its points, scale factors applied.
    private func readSunSpec(
        _ inputs: [SunSpecDeviceKind: [(input: String, point: String, scale: Double)]],
        into values: inout [String: Double]
    ) async throws(SunSpecError) {
        let device = try await discoveredDevice()
        for (kind, kindInputs) in inputs.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let (location, layout) = device.first(kind) else { throw .noModel(kind: kind) }
            let points = kindInputs.compactMap { layout.points[$0.point] }
            let count = min(layout.registerCount(for: points), Int(location.length) + 2)
            let block: [UInt16]
            do {
                block = try await client.read(
                    .holding, unit: configuration.unit, address: location.address, count: count)
            } catch {
                throw .modbus(error)
            }
            // The device's layout moved (a firmware update, another device on the address).
            guard block.first == location.id else { throw .malformedModelList(address: location.address) }
            for (input, pointName, scale) in kindInputs {
                guard let point = layout.points[pointName] else {
                    throw .notImplemented(point: "\(kind.rawValue).\(pointName)")
                }
                values[input] = try point.value(in: block) * scale
            }
        }
    }

    private func discoveredDevice() async throws(SunSpecError) -> SunSpecDevice {
        if let device = sunSpec.current { return device }
        let client = self.client
        let unit = configuration.unit
        let device = try await SunSpecDiscovery.discover { address, count throws(ModbusError) in
            try await client.read(.holding, unit: unit, address: address, count: count)
        }
        sunSpec.store(device)
        let maker = [device.manufacturer, device.model].compactMap { $0 }.joined(separator: " ")
        let models = device.models.map { "\($0.id)@\($0.address)" }.joined(separator: ", ")
        logger.info(
            "\(name): SunSpec device \(maker.isEmpty ? "(no common model)" : maker) at base \(device.baseAddress), models \(models)"
        )
        return device
    }
}
