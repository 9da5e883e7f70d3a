/// What a meter reading measures, in the vocabulary both OCPP versions share (1.6 and 2.0.1 spell
/// these alike; 2.0.1's extra net and apparent registers are here too).
///
/// Charge point management converts each protocol's value into this once, as it normalises a
/// reading; the rules, the scheduler, the store and the API read it as a typed key.
public enum Measurand: Sendable, Hashable, Comparable, CustomStringConvertible {
    case energyActiveImportRegister
    case energyActiveExportRegister
    case energyReactiveImportRegister
    case energyReactiveExportRegister
    case energyActiveImportInterval
    case energyActiveExportInterval
    case energyReactiveImportInterval
    case energyReactiveExportInterval
    case energyActiveNet
    case energyReactiveNet
    case energyApparentNet
    case energyApparentImport
    case energyApparentExport
    case powerActiveImport
    case powerActiveExport
    case powerOffered
    case powerReactiveImport
    case powerReactiveExport
    case powerFactor
    case currentImport
    case currentExport
    case currentOffered
    case voltage
    case frequency
    case temperature
    case soc
    case rpm
    /// A measurand outside the standards, let through by a charger's lenient parsing.
    case other(String)

    /// Every standard measurand with its spelling, in the standards' order.
    public static let standard: [(Measurand, String)] = [
        (.energyActiveExportRegister, "Energy.Active.Export.Register"),
        (.energyActiveImportRegister, "Energy.Active.Import.Register"),
        (.energyReactiveExportRegister, "Energy.Reactive.Export.Register"),
        (.energyReactiveImportRegister, "Energy.Reactive.Import.Register"),
        (.energyActiveExportInterval, "Energy.Active.Export.Interval"),
        (.energyActiveImportInterval, "Energy.Active.Import.Interval"),
        (.energyReactiveExportInterval, "Energy.Reactive.Export.Interval"),
        (.energyReactiveImportInterval, "Energy.Reactive.Import.Interval"),
        (.energyActiveNet, "Energy.Active.Net"),
        (.energyReactiveNet, "Energy.Reactive.Net"),
        (.energyApparentNet, "Energy.Apparent.Net"),
        (.energyApparentImport, "Energy.Apparent.Import"),
        (.energyApparentExport, "Energy.Apparent.Export"),
        (.powerActiveExport, "Power.Active.Export"),
        (.powerActiveImport, "Power.Active.Import"),
        (.powerOffered, "Power.Offered"),
        (.powerReactiveExport, "Power.Reactive.Export"),
        (.powerReactiveImport, "Power.Reactive.Import"),
        (.powerFactor, "Power.Factor"),
        (.currentImport, "Current.Import"),
        (.currentExport, "Current.Export"),
        (.currentOffered, "Current.Offered"),
        (.voltage, "Voltage"),
        (.frequency, "Frequency"),
        (.temperature, "Temperature"),
        (.soc, "SoC"),
        (.rpm, "RPM"),
    ]

    private static let bySpelling = Dictionary(uniqueKeysWithValues: standard.map { ($0.1, $0.0) })
    private static let spellings = Dictionary(uniqueKeysWithValues: standard.map { ($0.0, $0.1) })

    /// The measurand with this spelling (`Power.Active.Import`); any other text is `.other`.
    public init(spelling: String) {
        self = Self.bySpelling[spelling] ?? .other(spelling)
    }

    /// The OCPP spelling, which the API and the store use as the measurand's name.
    public var spelling: String {
        if case .other(let spelling) = self { return spelling }
        return Self.spellings[self] ?? ""
    }

    public var description: String { spelling }

    /// Ordered by spelling, so that lists and JSON objects come out the same every time.
    public static func < (lhs: Measurand, rhs: Measurand) -> Bool { lhs.spelling < rhs.spelling }
}
