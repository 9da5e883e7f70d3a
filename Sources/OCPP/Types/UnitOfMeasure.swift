/// The unit of a sampled value.
public enum UnitOfMeasure: OCPPEnumeration {
    case wattHours
    case kilowattHours
    case varHours
    case kilovarHours
    case watts
    case kilowatts
    case voltAmperes
    case kilovoltAmperes
    case vars
    case kilovars
    case amperes
    case volts
    case kelvin
    /// The misspelling the OCPP 1.6 schema lists next to `celsius`.
    case celcius
    case celsius
    case fahrenheit
    case percent
    /// Allowed in MeterValues; the StopTransaction schema omits it.
    case hertz
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.wattHours, "Wh"),
        (.kilowattHours, "kWh"),
        (.varHours, "varh"),
        (.kilovarHours, "kvarh"),
        (.watts, "W"),
        (.kilowatts, "kW"),
        (.voltAmperes, "VA"),
        (.kilovoltAmperes, "kVA"),
        (.vars, "var"),
        (.kilovars, "kvar"),
        (.amperes, "A"),
        (.volts, "V"),
        (.kelvin, "K"),
        (.celcius, "Celcius"),
        (.celsius, "Celsius"),
        (.fahrenheit, "Fahrenheit"),
        (.percent, "Percent"),
        (.hertz, "Hertz"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
