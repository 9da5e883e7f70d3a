import ChargingModel
import Chronology
import Foundation
import JSON
import Scheduling

extension PlanInputs {
    /// The measurand each connector field sets, and the values it takes.
    static let measurandFields: [(field: String, measurand: Measurand, range: NumberRange)] = [
        ("power", .powerActiveImport, ValueRanges.watts), ("current", .currentImport, ValueRanges.amperes),
        ("offered", .currentOffered, ValueRanges.amperes), ("soc", .soc, ValueRanges.percent),
    ]

    /// Reads a plan inputs file; errors name the file and the field.
    public static func load(path: String) throws(PlanInputsError) -> PlanInputs {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanInputsError(file: path, field: "", message: "cannot read the file")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse([UInt8](data))
        } catch {
            throw PlanInputsError(file: path, field: "", message: "not valid JSON: \(error)")
        }
        return try parse(value, file: path)
    }

    /// Reads the JSON of a plan inputs file.
    public static func parse(_ value: JSONValue, file: String) throws(PlanInputsError) -> PlanInputs {
        var reader = PlanInputsReader(file: file)
        return try reader.inputs(value)
    }
}

/// Walks a plan inputs file, keeping the field path for error messages.
struct PlanInputsReader {
    let file: String

    func fail(_ field: String, _ message: String) -> PlanInputsError {
        PlanInputsError(file: file, field: field, message: message)
    }

    mutating func inputs(_ value: JSONValue) throws(PlanInputsError) -> PlanInputs {
        guard let root = value.objectValue else { throw fail("", "expected a JSON object") }
        var result = PlanInputs()
        for (key, value) in root {
            switch key {
            case "chargers": result.chargers = try chargers(value)
            case "connectors": result.connectors = try connectors(value)
            case "inputs": result.inputs = try inputSeries(value)
            case "tariff":
                do {
                    result.tariff = try TariffSlot.slots(fromJSON: value)
                } catch {
                    throw fail("tariff", String(describing: error))
                }
            default:
                throw fail(key, "unknown field (expected chargers, connectors, inputs or tariff)")
            }
        }
        return result
    }

    func chargers(_ value: JSONValue) throws(PlanInputsError) -> [String: PlanChargerInput] {
        guard let object = value.objectValue else { throw fail("chargers", "expected an object of charger ids") }
        var chargers: [String: PlanChargerInput] = [:]
        for (id, entry) in object {
            let field = "chargers.\(id)"
            guard let fields = entry.objectValue else { throw fail(field, "expected an object") }
            var charger = PlanChargerInput()
            for (key, value) in fields {
                switch key {
                case "allowedChargingRateUnit":
                    guard let text = value.stringValue else { throw fail("\(field).\(key)", "expected a string") }
                    charger.allowedChargingRateUnit = text
                case "maxStackLevel":
                    guard let level = value.doubleValue.flatMap(ValueRanges.stackLevel.integer) else {
                        throw fail("\(field).\(key)", "expected \(ValueRanges.stackLevel)")
                    }
                    charger.maxStackLevel = level
                default:
                    throw fail("\(field).\(key)", "unknown field (expected allowedChargingRateUnit or maxStackLevel)")
                }
            }
            chargers[id] = charger
        }
        return chargers
    }

    func connectors(_ value: JSONValue) throws(PlanInputsError) -> [PlanConnectorInput] {
        guard let items = value.arrayValue else { throw fail("connectors", "expected a list of connectors") }
        var connectors: [PlanConnectorInput] = []
        for (index, item) in items.enumerated() {
            let field = "connectors[\(index)]"
            guard let object = item.objectValue else { throw fail(field, "expected an object") }
            guard let charger = object["charger"] else { throw fail("\(field).charger", "missing") }
            guard let chargerId = charger.stringValue, !chargerId.isEmpty else {
                throw fail("\(field).charger", "expected a charger id")
            }
            var connectorId = 1
            if let connector = object["connector"] {
                guard let number = connector.doubleValue.flatMap(ValueRanges.connector.integer) else {
                    throw fail("\(field).connector", "expected \(ValueRanges.connector)")
                }
                connectorId = number
            }
            if connectors.contains(where: { $0.chargerId == chargerId && $0.connectorId == connectorId }) {
                throw fail(field, "\(chargerId):\(connectorId) is listed twice")
            }
            var input = PlanConnectorInput(
                chargerId: chargerId, connectorId: connectorId, status: .constant(.charging))
            let known =
                ["charger", "connector", "status", "transaction", "energy", "goal"]
                + PlanInputs.measurandFields.map(\.field)
            for key in object.keys where !known.contains(key) {
                throw fail("\(field).\(key)", "unknown field (expected \(known.joined(separator: ", ")))")
            }
            if let status = object["status"] {
                input.status = try series(status, field: "\(field).status", valueName: "status") {
                    value -> ConnectorStatus? in
                    value.stringValue.flatMap(ConnectorStatus.init(rawValue:))
                }
            }
            if let transaction = object["transaction"] {
                input.transaction = try series(transaction, field: "\(field).transaction", valueName: "open") {
                    value -> Bool? in
                    if case .bool(let flag) = value { return flag }
                    return nil
                }
            }
            for (key, measurand, range) in PlanInputs.measurandFields {
                if let value = object[key] {
                    input.measurands[measurand] = try numbers(value, field: "\(field).\(key)", in: range)
                }
            }
            if let energy = object["energy"] {
                input.energy = try numbers(energy, field: "\(field).energy", in: ValueRanges.energyWh)
            }
            if let goal = object["goal"] {
                input.goal = try self.goal(goal, field: "\(field).goal", chargerId: chargerId, connectorId: connectorId)
            }
            connectors.append(input)
        }
        return connectors
    }

    /// `{"energyKWh": 20, "by": "2026-12-03T07:00:00+01:00", "strategy": "cheapest"}`, as
    /// `POST /api/chargers/{id}/goal` takes it (without `connector`: the connector's own).
    func goal(
        _ value: JSONValue, field: String, chargerId: String, connectorId: Int
    ) throws(PlanInputsError) -> EnergyGoal {
        guard let object = value.objectValue else {
            throw fail(field, "expected {\"energyKWh\": 20, \"by\": \"2026-12-03T07:00:00+01:00\"}")
        }
        for key in object.keys where !["energyKWh", "by", "strategy"].contains(key) {
            throw fail("\(field).\(key)", "unknown field (expected energyKWh, by, strategy)")
        }
        guard let energy = object["energyKWh"]?.doubleValue, ValueRanges.goalKWh.contains(energy), energy > 0 else {
            throw fail("\(field).energyKWh", "expected a number above 0 and at most 1000")
        }
        guard let text = object["by"]?.stringValue, let by = RFC3339.parse(text) else {
            throw fail("\(field).by", "expected an RFC 3339 time such as 2026-12-03T07:00:00+01:00")
        }
        var strategy = EnergyGoalStrategy.cheapest
        if let raw = object["strategy"] {
            guard let name = raw.stringValue, let known = EnergyGoalStrategy(rawValue: name) else {
                throw fail("\(field).strategy", "expected \"cheapest\" or \"solar\"")
            }
            strategy = known
        }
        // Set when the plan starts: `setAt` is not used by the plan, `by` stands in for it.
        return EnergyGoal(
            chargerId: chargerId, connectorId: connectorId, energyWh: energy * 1000, by: by, strategy: strategy,
            setAt: by)
    }

    func inputSeries(_ value: JSONValue) throws(PlanInputsError) -> [InputName: PlanTimeSeries<Double>] {
        guard let object = value.objectValue else { throw fail("inputs", "expected an object of input names") }
        var inputs: [InputName: PlanTimeSeries<Double>] = [:]
        for (key, value) in object {
            guard let name = InputName(key) else {
                throw fail("inputs.\(key)", "unknown input (grid.power, solar.power, solar.surplus or input.NAME)")
            }
            inputs[name] = try numbers(value, field: "inputs.\(key)", in: InputUpdate.valueRange)
        }
        return inputs
    }

    /// Numbers in `range` over time.
    func numbers(
        _ value: JSONValue, field: String, in range: NumberRange
    ) throws(PlanInputsError) -> PlanTimeSeries<Double> {
        try series(value, field: field, valueName: "value", range: range) { $0.doubleValue.flatMap(range.number) }
    }

    /// A constant or a list of `{"at": ISO 8601, valueName: value}` points.
    func series<Value>(
        _ value: JSONValue, field: String, valueName: String, range: NumberRange? = nil,
        convert: (JSONValue) -> Value?
    ) throws(PlanInputsError) -> PlanTimeSeries<Value> {
        guard let items = value.arrayValue else {
            guard let constant = convert(value) else { throw fail(field, expectation(valueName, range: range)) }
            return .constant(constant)
        }
        var points: [PlanTimePoint<Value>] = []
        for (index, item) in items.enumerated() {
            let pointField = "\(field)[\(index)]"
            guard let object = item.objectValue else {
                throw fail(pointField, "expected {\"at\": \"2026-11-25T18:00:00Z\", \"\(valueName)\": ...}")
            }
            guard let atValue = object["at"] else { throw fail("\(pointField).at", "missing") }
            guard let text = atValue.stringValue, let at = RFC3339.parse(text) else {
                throw fail("\(pointField).at", "expected an ISO 8601 time such as 2026-11-25T18:00:00Z")
            }
            guard let raw = object[valueName] else { throw fail("\(pointField).\(valueName)", "missing") }
            guard let converted = convert(raw) else {
                throw fail("\(pointField).\(valueName)", expectation(valueName, range: range))
            }
            for key in object.keys where key != "at" && key != valueName {
                throw fail("\(pointField).\(key)", "unknown field (expected at and \(valueName))")
            }
            points.append(PlanTimePoint(at: at, value: converted))
        }
        return PlanTimeSeries(points: points)
    }

    func expectation(_ valueName: String, range: NumberRange?) -> String {
        switch valueName {
        case "status": "expected a status (\(PlanInputsReader.statuses.joined(separator: ", "))) or a list of points"
        case "open": "expected true or false, or a list of {\"at\", \"open\"} points"
        default: "expected \(range.map(String.init(describing:)) ?? "a number") or a list of {\"at\", \"value\"} points"
        }
    }

    static let statuses = ConnectorStatus.allCases.map(\.rawValue)
}
