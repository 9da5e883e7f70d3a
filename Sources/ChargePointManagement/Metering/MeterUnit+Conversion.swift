import OCPP

extension MeterUnit {
    /// Converts `value`, given in the OCPP unit `unit` (`kWh`, `Fahrenheit`, ...), to the unit
    /// Ampwise keeps; `nil` for a unit OCPP 1.6 does not define.
    ///
    /// An `.unrecognized` unit is matched ignoring case: chargers in the field send `"kwh"` and
    /// `"KW"` as well, and no two OCPP units differ only in case. `%` is taken for `Percent`.
    /// OCPP 1.6 lists the misspelling `Celcius` next to `Celsius`; both mean Celsius. Frequency is
    /// in `Hertz` (the 1.6 errata), which many chargers write `Hz`.
    static func normalise(_ value: Double, from unit: UnitOfMeasure) -> (value: Double, unit: MeterUnit)? {
        if unit == .celcius { return (value, .celsius) }
        return switch unit.spelling.lowercased() {
        case "wh": (value, .wattHour)
        case "kwh": (value * 1000, .wattHour)
        case "varh": (value, .varHour)
        case "kvarh": (value * 1000, .varHour)
        case "vah": (value, .voltAmpereHour)
        case "kvah": (value * 1000, .voltAmpereHour)
        case "w": (value, .watt)
        case "kw": (value * 1000, .watt)
        case "va": (value, .voltAmpere)
        case "kva": (value * 1000, .voltAmpere)
        case "var": (value, .var)
        case "kvar": (value * 1000, .var)
        case "a": (value, .ampere)
        case "v": (value, .volt)
        case "celsius": (value, .celsius)
        case "fahrenheit": ((value - 32) * 5 / 9, .celsius)
        case "k": (value - 273.15, .celsius)
        case "percent", "%": (value, .percent)
        case "hertz", "hz": (value, .hertz)
        default: nil
        }
    }
}
