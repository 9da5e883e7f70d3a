import OCPP201

/// The name Ampwise gives one variable of a 2.0.1 station's device model (docs/ocpp201.md,
/// "Device model"): `Component.Variable`, with `[instance]` after either name and `@evse` or
/// `@evse:connector` after the component's, e.g. `SmartChargingCtrlr.RateUnit`, `EVSE@1.Power`,
/// `OCPPCommCtrlr[Default].MessageTimeout`. The API's configuration endpoints take these names
/// and turn them back into GetVariables / SetVariables' component and variable.
public struct DeviceModelKey: Sendable, Equatable {
    public var component: Component
    public var variable: Variable

    public init(component: Component, variable: Variable) {
        self.component = component
        self.variable = variable
    }

    /// Reads a name as `text` writes it; nil when it is not one (no `.` between two names, an
    /// unclosed `[`, an EVSE that is not a number).
    public init?(parsing name: String) {
        var rest = Substring(name)
        guard let componentName = Self.name(&rest), !componentName.isEmpty else { return nil }
        var component = Component(name: String(componentName))
        if rest.first == "[" {
            guard let instance = Self.instance(&rest) else { return nil }
            component.instance = instance
        }
        if rest.first == "@" {
            rest.removeFirst()
            let digits = rest.prefix { $0 != "." && $0 != "[" }
            rest = rest.dropFirst(digits.count)
            let parts = digits.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let evse = Int(parts[0]), evse >= 0 else { return nil }
            var connector: Int?
            if parts.count == 2 {
                guard let value = Int(parts[1]), value >= 0 else { return nil }
                connector = value
            }
            component.evse = EVSE(id: evse, connectorId: connector)
        }
        guard rest.first == "." else { return nil }
        rest.removeFirst()
        guard let variableName = Self.name(&rest), !variableName.isEmpty else { return nil }
        var variable = Variable(name: String(variableName))
        if rest.first == "[" {
            guard let instance = Self.instance(&rest) else { return nil }
            variable.instance = instance
        }
        guard rest.isEmpty else { return nil }
        self.init(component: component, variable: variable)
    }

    /// `Component[instance]@evse:connector.Variable[instance]`, the parts the station gave.
    public var text: String {
        var name = component.name
        if let instance = component.instance { name += "[\(instance)]" }
        if let evse = component.evse {
            name += "@\(evse.id)"
            if let connector = evse.connectorId { name += ":\(connector)" }
        }
        name += "." + variable.name
        if let instance = variable.instance { name += "[\(instance)]" }
        return name
    }

    /// The name up to the next `[`, `@` or `.` (the schemas' names hold none of them).
    private static func name(_ rest: inout Substring) -> Substring? {
        let name = rest.prefix { $0 != "[" && $0 != "@" && $0 != "." }
        rest = rest.dropFirst(name.count)
        return name
    }

    /// `[instance]`: the text up to the closing `]`.
    private static func instance(_ rest: inout Substring) -> String? {
        rest.removeFirst()
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let instance = String(rest[..<close])
        rest = rest[rest.index(after: close)...]
        return instance.isEmpty ? nil : instance
    }
}
