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

    public static let spellings: [(value: Self, spelling: String)] = [
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

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Wh": .wattHours
        case "kWh": .kilowattHours
        case "varh": .varHours
        case "kvarh": .kilovarHours
        case "W": .watts
        case "kW": .kilowatts
        case "VA": .voltAmperes
        case "kVA": .kilovoltAmperes
        case "var": .vars
        case "kvar": .kilovars
        case "A": .amperes
        case "V": .volts
        case "K": .kelvin
        case "Celcius": .celcius
        case "Celsius": .celsius
        case "Fahrenheit": .fahrenheit
        case "Percent": .percent
        case "Hertz": .hertz
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .wattHours: "Wh"
        case .kilowattHours: "kWh"
        case .varHours: "varh"
        case .kilovarHours: "kvarh"
        case .watts: "W"
        case .kilowatts: "kW"
        case .voltAmperes: "VA"
        case .kilovoltAmperes: "kVA"
        case .vars: "var"
        case .kilovars: "kvar"
        case .amperes: "A"
        case .volts: "V"
        case .kelvin: "K"
        case .celcius: "Celcius"
        case .celsius: "Celsius"
        case .fahrenheit: "Fahrenheit"
        case .percent: "Percent"
        case .hertz: "Hertz"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
