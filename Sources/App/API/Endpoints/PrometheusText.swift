/// Writes the Prometheus text exposition format (version 0.0.4): a `# HELP` and a `# TYPE` line
/// per metric, then its samples, label values escaped.
struct PrometheusText {
    private(set) var output = ""

    mutating func gauge(_ name: String, help: String, value: Double) {
        gauge(name, help: help, samples: [([], value)])
    }

    mutating func gauge(_ name: String, help: String, samples: [([(String, String)], Double)]) {
        metric(name, type: "gauge", help: help, samples: samples)
    }

    mutating func counter(_ name: String, help: String, value: Double) {
        counter(name, help: help, samples: [([], value)])
    }

    mutating func counter(_ name: String, help: String, samples: [([(String, String)], Double)]) {
        metric(name, type: "counter", help: help, samples: samples)
    }

    private mutating func metric(
        _ name: String, type: String, help: String, samples: [([(String, String)], Double)]
    ) {
        output += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        for (labels, value) in samples {
            output += name
            if !labels.isEmpty {
                output += "{" + labels.map { "\($0.0)=\"\(PrometheusText.escape($0.1))\"" }.joined(separator: ",") + "}"
            }
            output += " \(PrometheusText.format(value))\n"
        }
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
