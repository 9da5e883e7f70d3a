import InputSources
import JSON
import Modbus

/// `type: "modbus"` entries of `sources` (docs/sources.md).
extension AmpwiseConfiguration {
    static func decodeModbusSource(
        _ object: JSONObject, at path: String, with reader: inout ConfigurationReader
    ) -> ModbusSourceConfiguration? {
        let host = reader.nonEmptyString(object, "host", in: path)
        if object["host"] == nil { reader.report("\(path).host", "missing (the device's address or name)") }
        let port = reader.port(object, "port", in: path) ?? 502
        let unit = reader.integer(object, "unit", in: path, .integers(0...255)) ?? 1
        let timing = pollTiming(object, at: path, with: &reader)
        let known = ["sunspec", "register", "function", "format", "wordOrder", "scale"]
        let inputs = decodeSourceInputs(object, at: path, known: known, with: &reader) {
            (spec: JSONObject, inputPath: String, reader: inout ConfigurationReader) -> ModbusInputSpec? in
            decodeModbusInput(spec, at: inputPath, with: &reader)
        }
        guard let host, let inputs else { return nil }
        return ModbusSourceConfiguration(
            host: host, port: port, unit: UInt8(unit), interval: timing.interval, timeout: timing.timeout,
            inputs: inputs)
    }

    private static func decodeModbusInput(
        _ spec: JSONObject, at path: String, with reader: inout ConfigurationReader
    ) -> ModbusInputSpec? {
        let scale = scale(spec, at: path, with: &reader)
        switch (spec["sunspec"], spec["register"]) {
        case (nil, nil):
            reader.report(path, "expected \"sunspec\" (such as \"meter.W\") or \"register\"")
            return nil
        case (.some, .some):
            reader.report(path, "\"sunspec\" and \"register\" cannot both be given")
            return nil
        case (.some, nil):
            for key in ["function", "format", "wordOrder"] where spec[key] != nil {
                reader.report("\(path).\(key)", "only for \"register\" (a SunSpec point has its own type)")
            }
            guard let name = reader.string(spec, "sunspec", in: path) else { return nil }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = SunSpecDeviceKind(rawValue: parts[0]) else {
                reader.report("\(path).sunspec", "expected meter.NAME or inverter.NAME (such as \"meter.W\")")
                return nil
            }
            guard kind.pointNames.contains(parts[1]) else {
                reader.report(
                    "\(path).sunspec",
                    "\(kind.rawValue) has no point \"\(parts[1])\" (one of \(kind.pointNames.joined(separator: ", ")))")
                return nil
            }
            return ModbusInputSpec(reading: .sunspec(kind, point: parts[1]), scale: scale)
        case (nil, .some):
            let address = reader.integer(spec, "register", in: path, .integers(0...65535))
            let function = reader.oneOf(spec, "function", in: path, ModbusReadFunctionName.self) ?? .holding
            let format = reader.oneOf(spec, "format", in: path, RegisterFormat.self) ?? .uint16
            let wordOrder = reader.oneOf(spec, "wordOrder", in: path, WordOrder.self) ?? .big
            guard let address else { return nil }
            if address + format.registerCount - 1 > 65535 {
                reader.report("\(path).register", "a \(format.rawValue) at \(address) runs past register 65535")
                return nil
            }
            return ModbusInputSpec(
                reading: .register(
                    address: UInt16(address), function: function.function, format: format, wordOrder: wordOrder),
                scale: scale)
        }
    }
}
