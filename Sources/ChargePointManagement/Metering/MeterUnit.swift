/// The units Ampwise keeps meter values in, whatever unit the charger sent.
///
/// Energy is kept in Wh (varh), power in W (var, VA), temperature in degrees Celsius: the
/// smallest units OCPP uses, so that a conversion never loses digits.
enum MeterUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case wattHour = "Wh"
    case varHour = "varh"
    /// OCPP 2.0.1's apparent energy registers.
    case voltAmpereHour = "VAh"
    case watt = "W"
    case voltAmpere = "VA"
    case `var` = "var"
    case ampere = "A"
    case volt = "V"
    case celsius = "Celsius"
    case percent = "%"
    case hertz = "Hz"
    case revolutionsPerMinute = "rpm"
    /// Dimensionless (Power.Factor).
    case none = ""
}
