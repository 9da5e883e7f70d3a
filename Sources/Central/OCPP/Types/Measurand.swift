/// What a sampled value measures.
public enum Measurand: OCPPEnumeration {
    case energyActiveExportRegister
    case energyActiveImportRegister
    case energyReactiveExportRegister
    case energyReactiveImportRegister
    case energyActiveExportInterval
    case energyActiveImportInterval
    case energyReactiveExportInterval
    case energyReactiveImportInterval
    case powerActiveExport
    case powerActiveImport
    case powerOffered
    case powerReactiveExport
    case powerReactiveImport
    case powerFactor
    case currentImport
    case currentExport
    case currentOffered
    case voltage
    case frequency
    case temperature
    case soc
    case rpm
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.energyActiveExportRegister, "Energy.Active.Export.Register"),
        (.energyActiveImportRegister, "Energy.Active.Import.Register"),
        (.energyReactiveExportRegister, "Energy.Reactive.Export.Register"),
        (.energyReactiveImportRegister, "Energy.Reactive.Import.Register"),
        (.energyActiveExportInterval, "Energy.Active.Export.Interval"),
        (.energyActiveImportInterval, "Energy.Active.Import.Interval"),
        (.energyReactiveExportInterval, "Energy.Reactive.Export.Interval"),
        (.energyReactiveImportInterval, "Energy.Reactive.Import.Interval"),
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

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Energy.Active.Export.Register": .energyActiveExportRegister
        case "Energy.Active.Import.Register": .energyActiveImportRegister
        case "Energy.Reactive.Export.Register": .energyReactiveExportRegister
        case "Energy.Reactive.Import.Register": .energyReactiveImportRegister
        case "Energy.Active.Export.Interval": .energyActiveExportInterval
        case "Energy.Active.Import.Interval": .energyActiveImportInterval
        case "Energy.Reactive.Export.Interval": .energyReactiveExportInterval
        case "Energy.Reactive.Import.Interval": .energyReactiveImportInterval
        case "Power.Active.Export": .powerActiveExport
        case "Power.Active.Import": .powerActiveImport
        case "Power.Offered": .powerOffered
        case "Power.Reactive.Export": .powerReactiveExport
        case "Power.Reactive.Import": .powerReactiveImport
        case "Power.Factor": .powerFactor
        case "Current.Import": .currentImport
        case "Current.Export": .currentExport
        case "Current.Offered": .currentOffered
        case "Voltage": .voltage
        case "Frequency": .frequency
        case "Temperature": .temperature
        case "SoC": .soc
        case "RPM": .rpm
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .energyActiveExportRegister: "Energy.Active.Export.Register"
        case .energyActiveImportRegister: "Energy.Active.Import.Register"
        case .energyReactiveExportRegister: "Energy.Reactive.Export.Register"
        case .energyReactiveImportRegister: "Energy.Reactive.Import.Register"
        case .energyActiveExportInterval: "Energy.Active.Export.Interval"
        case .energyActiveImportInterval: "Energy.Active.Import.Interval"
        case .energyReactiveExportInterval: "Energy.Reactive.Export.Interval"
        case .energyReactiveImportInterval: "Energy.Reactive.Import.Interval"
        case .powerActiveExport: "Power.Active.Export"
        case .powerActiveImport: "Power.Active.Import"
        case .powerOffered: "Power.Offered"
        case .powerReactiveExport: "Power.Reactive.Export"
        case .powerReactiveImport: "Power.Reactive.Import"
        case .powerFactor: "Power.Factor"
        case .currentImport: "Current.Import"
        case .currentExport: "Current.Export"
        case .currentOffered: "Current.Offered"
        case .voltage: "Voltage"
        case .frequency: "Frequency"
        case .temperature: "Temperature"
        case .soc: "SoC"
        case .rpm: "RPM"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
