/// What a sampled value measures: the 22 measurands of OCPP 1.6 (`SampledValue.measurand`).
public enum Measurand: String, Sendable, Hashable, CaseIterable, Codable {
    case energyActiveExportRegister = "Energy.Active.Export.Register"
    case energyActiveImportRegister = "Energy.Active.Import.Register"
    case energyReactiveExportRegister = "Energy.Reactive.Export.Register"
    case energyReactiveImportRegister = "Energy.Reactive.Import.Register"
    case energyActiveExportInterval = "Energy.Active.Export.Interval"
    case energyActiveImportInterval = "Energy.Active.Import.Interval"
    case energyReactiveExportInterval = "Energy.Reactive.Export.Interval"
    case energyReactiveImportInterval = "Energy.Reactive.Import.Interval"
    case powerActiveExport = "Power.Active.Export"
    case powerActiveImport = "Power.Active.Import"
    case powerOffered = "Power.Offered"
    case powerReactiveExport = "Power.Reactive.Export"
    case powerReactiveImport = "Power.Reactive.Import"
    case powerFactor = "Power.Factor"
    case currentImport = "Current.Import"
    case currentExport = "Current.Export"
    case currentOffered = "Current.Offered"
    case voltage = "Voltage"
    case frequency = "Frequency"
    case temperature = "Temperature"
    case stateOfCharge = "SoC"
    case rpm = "RPM"

    /// The unit every value of this measurand is converted to.
    public var unit: MeterUnit {
        switch self {
        case .energyActiveExportRegister, .energyActiveImportRegister, .energyActiveExportInterval,
            .energyActiveImportInterval:
            .wattHour
        case .energyReactiveExportRegister, .energyReactiveImportRegister, .energyReactiveExportInterval,
            .energyReactiveImportInterval:
            .varHour
        case .powerActiveExport, .powerActiveImport, .powerOffered: .watt
        case .powerReactiveExport, .powerReactiveImport: .var
        case .powerFactor: .none
        case .currentImport, .currentExport, .currentOffered: .ampere
        case .voltage: .volt
        case .frequency: .hertz
        case .temperature: .celsius
        case .stateOfCharge: .percent
        case .rpm: .revolutionsPerMinute
        }
    }

    /// Whether the phase values add up to the total (energy and power) rather than being averaged
    /// (current, voltage, temperature and the rest).
    public var isSummedOverPhases: Bool {
        switch unit {
        case .wattHour, .varHour, .watt, .var, .voltAmpere: true
        default: false
        }
    }
}
