import Testing

@testable import Rules

@Suite struct DimensionTests {
    /// The dimension of an expression, or the checker's message.
    private func dimension(_ text: String) -> String {
        var parser = Parser(text: text)
        guard let expression = try? parser.parseExpression() else { return "parse error" }
        var compiler = RuleCompiler()
        guard let (_, dimension) = compiler.check(expression, sharedOnly: false) else {
            return compiler.diagnostics.map(\.message).joined(separator: "; ")
        }
        return dimension.rawValue
    }

    @Test(arguments: [
        ("16 A", "current"), ("16A", "current"), ("3.7 kW", "power"), ("230 V", "voltage"), ("10 kWh", "energy"),
        ("500 Wh", "energy"), ("80 %", "percent"), ("1h30m", "duration"), ("2", "number"), ("true", "boolean"),
        ("grid.power", "power"), ("solar.power", "power"), ("solar.surplus", "power"), ("price", "number"),
        ("input.boost", "number"), ("connector.power", "power"), ("connector.current", "current"),
        ("connector.offered", "current"), ("soc", "percent"), ("session.energy", "energy"),
        ("session.duration", "duration"), ("site.power", "power"), ("charger.phases", "number"),
        ("charger.voltage", "voltage"), ("charger.maxCurrent", "current"), ("charger.minCurrent", "current"),
        ("time in 08:00..09:00", "boolean"), ("weekday in sat, sun", "boolean"), ("status is Charging", "boolean"),
        ("cheapest 2h before 07:00", "boolean"),
    ])
    func literalsAndVariablesHaveTheirDimension(_ text: String, _ expected: String) {
        #expect(dimension(text) == expected)
    }

    @Test(arguments: [
        ("grid.power / charger.voltage", "current"),
        ("connector.current * charger.voltage", "power"),
        ("charger.voltage * 16 A", "power"),
        ("3.7 kW / 16 A", "voltage"),
        ("2 kW * 1h", "energy"),
        ("10 kWh / 2h", "power"),
        ("10 kWh / 2 kW", "duration"),
        ("16 A / 2 A", "number"),
        ("16 A * 3", "current"),
        ("3 * 16 A", "current"),
        ("16 A / 2", "current"),
        ("-grid.power", "power"),
        ("16 A + 2 A - 1 A", "current"),
        ("min(16 A, grid.power / 230 V)", "current"),
        ("max(1 kW, 2 W, solar.power)", "power"),
        ("soc * 2", "percent"),
        ("grid.power < 0 W and not (soc >= 80 %) or true", "boolean"),
        ("(status is Charging) == true", "boolean"),
        ("session.duration > 1h", "boolean"),
        ("price <= 0.15", "boolean"),
    ])
    func operationsCombineDimensions(_ text: String, _ expected: String) {
        #expect(dimension(text) == expected)
    }

    @Test(arguments: [
        ("16 A + 2 kW", "cannot add current and power"),
        ("1h - 1", "cannot subtract number from duration"),
        ("16 A * 2 A", "cannot multiply current by current"),
        ("2 kW * 230 V", "cannot multiply power by voltage"),
        ("1 / 16 A", "cannot divide number by current"),
        ("16 A / 2 kW", "cannot divide current by power"),
        ("soc > 80", "a comparison needs the same dimension on both sides, found percent and number"),
        ("true + true", "cannot add boolean and boolean"),
        ("true * 2", "cannot multiply boolean by number"),
        ("grid.power or true", "'or' needs booleans on both sides, found power"),
        ("min(true, false)", "'min' needs arguments of one dimension (not boolean), found boolean and boolean"),
    ])
    func mismatchedDimensionsAreErrors(_ text: String, _ expected: String) {
        #expect(dimension(text) == expected)
    }

    @Test func unitsFoldIntoBaseUnits() throws {
        var parser = Parser(text: "3.7 kW + 500 W")
        let expression = try parser.parseExpression()
        var compiler = RuleCompiler()
        let checked = compiler.check(expression, sharedOnly: false)
        let compiled = try #require(checked)
        #expect(compiled.0 == .arithmetic(.add, .constant(3700), .constant(500)))
    }
}
