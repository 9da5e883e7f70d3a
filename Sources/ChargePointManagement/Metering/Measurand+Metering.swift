import OCPP

extension Measurand {
    /// The 22 measurands OCPP 1.6 defines, in the schema's order: the ones the normaliser
    /// combines into readings (an `.unrecognized` one is dropped before it gets there).
    public static var metered: [Measurand] { spellings.map(\.value) }

    /// The unit every value of this measurand is converted to; `nil` for a measurand outside
    /// the standard, which metering ignores.
    public var unit: MeterUnit? {
        switch self {
        case .energyActiveExportRegister, .energyActiveImportRegister, .energyActiveExportInterval,
            .energyActiveImportInterval:
            .wattHour
        case .energyReactiveExportRegister, .energyReactiveImportRegister, .energyReactiveExportInterval,
            .energyReactiveImportInterval:
            .varHour
        case .powerActiveExport, .powerActiveImport, .powerOffered: .watt
        case .powerReactiveExport, .powerReactiveImport: .var
        case .powerFactor: MeterUnit.none
        case .currentImport, .currentExport, .currentOffered: .ampere
        case .voltage: .volt
        case .frequency: .hertz
        case .temperature: .celsius
        case .soc: .percent
        case .rpm: .revolutionsPerMinute
        case .unrecognized: nil
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
