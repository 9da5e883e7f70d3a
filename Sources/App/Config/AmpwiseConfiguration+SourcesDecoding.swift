import HTTP
import HTTPClient
import InputSources
import JSON
import MQTT
import Scheduling

/// `sources` (docs/sources.md): every key checked, every problem named by its key path
/// (`sources.meter.inputs.grid.power.register`).
extension AmpwiseConfiguration {
    /// What a source's name may hold: it is a metric label, a log prefix and an API key.
    static func isUsableSourceName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }

    static func decodeSources(_ value: JSONValue, with reader: inout ConfigurationReader) -> [String:
        SourceConfiguration]
    {
        guard let object = reader.object(value, at: "sources", known: nil) else { return [:] }
        var sources: [String: SourceConfiguration] = [:]
        var feeders: [String: String] = [:]
        for (name, entry) in object {
            let path = ConfigurationReader.path("sources", name)
            guard isUsableSourceName(name) else {
                reader.report(
                    path, "a source name has 1 to 64 letters, digits, \"_\", \"-\" or \".\"")
                continue
            }
            guard let source = decodeSource(entry, at: path, with: &reader) else { continue }
            for input in source.inputNames {
                if let earlier = feeders[input] {
                    // Two sources writing one input would make it flip between their readings.
                    reader.report("\(path).inputs.\(input)", "already read by source \"\(earlier)\"")
                } else {
                    feeders[input] = name
                }
            }
            sources[name] = source
        }
        return sources
    }

    private static let sourceTypes = ["http", "modbus", "mqtt"]

    private static func decodeSource(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> SourceConfiguration? {
        guard case .object(let object) = value else {
            reader.report(path, "expected an object")
            return nil
        }
        guard let typeValue = object["type"] else {
            reader.report("\(path).type", "missing (\(ConfigurationReader.choices(sourceTypes)))")
            return nil
        }
        switch typeValue.stringValue {
        case "http":
            return decodeHTTPSource(value, at: path, with: &reader).map(SourceConfiguration.http)
        case "modbus":
            let keys = ["type", "host", "port", "unit", "interval", "timeout", "inputs"]
            guard let object = reader.object(value, at: path, known: keys) else { return nil }
            return decodeModbusSource(object, at: path, with: &reader).map(SourceConfiguration.modbus)
        case "mqtt":
            return decodeMQTTSource(value, at: path, with: &reader).map(SourceConfiguration.mqtt)
        default:
            reader.report("\(path).type", "expected \(ConfigurationReader.choices(sourceTypes))")
            return nil
        }
    }

    /// `url`: an `http://` or `https://` address; reported missing when `required`.
    static func decodeURL(
        _ object: JSONObject, at path: String, required: Bool, with reader: inout ConfigurationReader
    ) -> HTTPURL? {
        if let text = reader.nonEmptyString(object, "url", in: path) {
            do {
                return try HTTPURL(text)
            } catch {
                if case .invalidURL(_, let reason) = error {
                    reader.report("\(path).url", reason)
                } else {
                    reader.report("\(path).url", error.description)
                }
            }
        } else if object["url"] == nil && required {
            reader.report("\(path).url", "missing (the http:// or https:// address to GET)")
        }
        return nil
    }

    /// `interval` and `timeout`, shared by the polled kinds.
    static func pollTiming(
        _ object: JSONObject, at path: String, with reader: inout ConfigurationReader
    ) -> (interval: Double, timeout: Double?) {
        let interval = reader.number(object, "interval", in: path, ValueRanges.sourceInterval) ?? 5
        let timeout = reader.number(object, "timeout", in: path, ValueRanges.sourceTimeout)
        return (interval, timeout)
    }

    /// `scale`: any finite number but zero (a zero would pin the input at 0 whatever is read).
    static func scale(_ object: JSONObject, at path: String, with reader: inout ConfigurationReader) -> Double {
        guard let scale = reader.number(object, "scale", in: path, ValueRanges.sourceScale) else { return 1 }
        if scale == 0 {
            reader.report("\(path).scale", "expected a number other than 0")
            return 1
        }
        return scale
    }

    /// The `inputs` object: each key a valid input name, each value an object given to `decode`.
    static func decodeSourceInputs<Spec>(
        _ object: JSONObject, at path: String, known: [String], with reader: inout ConfigurationReader,
        _ decode: (JSONObject, String, inout ConfigurationReader) -> Spec?
    ) -> [String: Spec]? {
        let inputsPath = "\(path).inputs"
        guard let value = object["inputs"] else {
            reader.report(inputsPath, "missing (an object of input names, such as \"grid.power\")")
            return nil
        }
        guard let inputs = reader.object(value, at: inputsPath, known: nil) else { return nil }
        guard !inputs.isEmpty else {
            reader.report(inputsPath, "expected at least one input")
            return nil
        }
        var specs: [String: Spec] = [:]
        var complete = true
        for (input, specValue) in inputs {
            let inputPath = "\(inputsPath).\(input)"
            guard InputName(input) != nil else {
                reader.report(
                    inputPath,
                    "not an input name (grid.power, solar.power, solar.surplus or input.NAME with letters, digits, _ and -)"
                )
                complete = false
                continue
            }
            guard let specObject = reader.object(specValue, at: inputPath, known: known),
                let spec = decode(specObject, inputPath, &reader)
            else {
                complete = false
                continue
            }
            specs[input] = spec
        }
        return complete ? specs : nil
    }

    /// `{"type": "mqtt", "inputs": {"grid.power": {"topic": "p1/power", "path": "value", "scale": 1000}}}`:
    /// the broker is the `mqtt` section's (checked where the whole file is).
    private static func decodeMQTTSource(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> MQTTSourceConfiguration? {
        guard let object = reader.object(value, at: path, known: ["type", "inputs"]) else { return nil }
        let inputs = decodeSourceInputs(object, at: path, known: ["topic", "path", "scale"], with: &reader) {
            (spec: JSONObject, inputPath: String, reader: inout ConfigurationReader) -> MQTTInputSpec? in
            guard let reading = payloadReading(spec, at: inputPath, with: &reader) else { return nil }
            guard let text = reader.nonEmptyString(spec, "topic", in: inputPath) else {
                if spec["topic"] == nil { reader.report("\(inputPath).topic", "missing (the topic to subscribe to)") }
                return nil
            }
            do {
                return MQTTInputSpec(topic: try MQTTTopicFilter(text), reading: reading)
            } catch {
                reader.report("\(inputPath).topic", "\(error)")
                return nil
            }
        }
        return inputs.map(MQTTSourceConfiguration.init(inputs:))
    }

    /// `path` and `scale`: how a payload or body is read, for HTTP and MQTT alike.
    private static func payloadReading(_ spec: JSONObject, at inputPath: String, with reader: inout ConfigurationReader)
        -> HTTPInputSpec?
    {
        var jsonPath: JSONPath?
        if let text = reader.string(spec, "path", in: inputPath) {
            jsonPath = JSONPath(text)
            if jsonPath == nil {
                reader.report("\(inputPath).path", "not a JSON path (keys separated by dots, [N] for an array element)")
                return nil
            }
        }
        return HTTPInputSpec(path: jsonPath, scale: scale(spec, at: inputPath, with: &reader))
    }

    private static func decodeHTTPSource(
        _ value: JSONValue, at path: String, with reader: inout ConfigurationReader
    ) -> HTTPSourceConfiguration? {
        let keys = ["type", "url", "headers", "interval", "timeout", "ca", "inputs"]
        guard let object = reader.object(value, at: path, known: keys) else { return nil }
        let url = decodeURL(object, at: path, required: true, with: &reader)
        var headers: [HTTPHeaders.Field] = []
        if let value = object["headers"], let fields = reader.object(value, at: "\(path).headers", known: nil) {
            for (name, fieldValue) in fields {
                let fieldPath = "\(path).headers.\(name)"
                guard HTTPClientRequest.isValidHeaderName(name) else {
                    reader.report(fieldPath, "not a valid header name")
                    continue
                }
                guard let text = fieldValue.stringValue else {
                    reader.report(fieldPath, "expected a string")
                    continue
                }
                guard HTTPClientRequest.isValidHeaderValue(text) else {
                    reader.report(fieldPath, "a header value cannot hold a line break or control character")
                    continue
                }
                headers.append(HTTPHeaders.Field(name: name, value: text))
            }
        }
        let timing = pollTiming(object, at: path, with: &reader)
        let ca = reader.nonEmptyString(object, "ca", in: path)
        let inputs = decodeSourceInputs(object, at: path, known: ["path", "scale"], with: &reader) {
            (spec: JSONObject, inputPath: String, reader: inout ConfigurationReader) -> HTTPInputSpec? in
            payloadReading(spec, at: inputPath, with: &reader)
        }
        guard let url, let inputs else { return nil }
        return HTTPSourceConfiguration(
            url: url, headers: headers, interval: timing.interval, timeout: timing.timeout,
            trustedCertificatesPath: ca, inputs: inputs)
    }
}
