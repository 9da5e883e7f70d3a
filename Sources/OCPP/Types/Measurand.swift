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

    public static let spellings: OCPPSpellings<Self> = [
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

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
