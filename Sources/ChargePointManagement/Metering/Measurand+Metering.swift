import ChargingModel

extension Measurand {
    /// The standard measurands, in the standards' order: the ones the normaliser combines into
    /// readings (an `.other` one is dropped before it gets there).
    static let metered: [Measurand] = standard.map(\.0)

    /// The unit every value of this measurand is converted to; `nil` for a measurand outside
    /// the standard, which metering ignores.
    var unit: MeterUnit? {
        switch self {
        case .energyActiveExportRegister, .energyActiveImportRegister, .energyActiveExportInterval,
            .energyActiveImportInterval, .energyActiveNet:
            .wattHour
        case .energyReactiveExportRegister, .energyReactiveImportRegister, .energyReactiveExportInterval,
            .energyReactiveImportInterval, .energyReactiveNet:
            .varHour
        case .energyApparentNet, .energyApparentImport, .energyApparentExport: .voltAmpereHour
        case .powerActiveExport, .powerActiveImport, .powerOffered: .watt
        case .powerReactiveExport, .powerReactiveImport: .var
        case .powerFactor: MeterUnit.none
        case .currentImport, .currentExport, .currentOffered: .ampere
        case .voltage: .volt
        case .frequency: .hertz
        case .temperature: .celsius
        case .soc: .percent
        case .rpm: .revolutionsPerMinute
        case .other: nil
        }
    }

    /// Whether the phase values add up to the total (energy and power) rather than being averaged
    /// (current, voltage, temperature and the rest).
    var isSummedOverPhases: Bool {
        switch unit {
        case .wattHour, .varHour, .voltAmpereHour, .watt, .var, .voltAmpere: true
        default: false
        }
    }
}
