import JSON
import Scheduling

/// The range of every number Ampwise reads from `ampwise.json`, a command-line flag, a plan
/// inputs file or the HTTP API, in one place; docs/configuration.md, docs/plan.md and docs/api.md
/// list them. Each is as wide as the quantity can sensibly be and no wider: a typo such as
/// `1e19` or `1e-300` gets an error that names the key and the range, instead of a crash or a
/// loop that never ends.
enum ValueRanges {
    // MARK: central

    /// Seconds between Heartbeats: up to a day.
    static let heartbeatInterval = NumberRange.integers(1...86_400)
    /// Seconds between meter samples (0: none): up to a day.
    static let meterValueSampleInterval = NumberRange.integers(0...86_400)
    /// `pingInterval`, `pingTimeout`, `callTimeout`: a second to an hour.
    static let connectionSeconds = NumberRange.numbers(1...3600)
    /// 1 KiB to 64 MiB: an OCPP message is a few KiB, and a valid 64 KiB one must pass.
    static let maxMessageBytes = NumberRange.integers(1024...67_108_864)
    /// What all connections may hold for unfinished messages: 1 KiB to 64 GiB (and not below
    /// `maxMessageBytes`, checked apart).
    static let maxBufferedBytes = NumberRange.integers(1024...68_719_476_736)

    // MARK: chargers and currents

    /// Amperes per phase: AC wallboxes draw up to 80 A, DC and megawatt chargers a few thousand.
    static let amperes = NumberRange.numbers(0...5000)
    static let maxCurrent = NumberRange.numbers(1...5000)
    static let minCurrent = amperes
    /// Volts, line to neutral (or DC): from low-voltage grids to 1500 V DC.
    static let voltage = NumberRange.numbers(50...1500)
    /// Watts a limit may be given in: `amperes` at the highest voltage on three phases.
    static let watts = NumberRange.numbers(0...25_000_000)

    // MARK: scheduler and tariff

    static let tick = EngineSettings.tickRange
    /// Amperes.
    static let deadband = NumberRange.numbers(0...100)
    /// `minIncreaseInterval`: seconds, up to a day.
    static let schedulerSeconds = NumberRange.numbers(0...86_400)
    /// `inputMaxAge`, `retryInterval`: a second to a day.
    static let inputMaxAge = NumberRange.numbers(1...86_400)
    static let retryInterval = NumberRange.numbers(1...86_400)
    /// `phaseSwitchInterval`: a second to a day.
    static let phaseSwitchInterval = NumberRange.numbers(1...86_400)
    static let price = TariffSlot.priceRange

    // MARK: connectors, plans and overrides

    /// A connector number: 1 and up (0 is the charger as a whole); no charger has a thousand.
    static let connector = NumberRange.integers(1...1000)
    /// `ampwise demo --chargers`: enough for a car park's feel, few enough for one laptop.
    static let demoChargers = NumberRange.integers(1...50)
    /// `chargers.ID.securityProfile`: the OCPP security profiles (docs/security.md).
    static let securityProfile = NumberRange.integers(0...3)
    /// A TCP port to listen on.
    static let tcpPort = NumberRange.integers(1...65535)
    /// A connector number or 0 for the charger as a whole.
    static let connectorOrCharger = NumberRange.integers(0...1000)
    /// `ampwise plan --hours`: six minutes to 31 days.
    static let planHours = NumberRange.numbers(0.1...744)
    /// `ampwise plan --step`: a minute to a day.
    static let planStepMinutes = NumberRange.integers(1...1440)
    /// A plan inputs file's `maxStackLevel` (ChargeProfileMaxStackLevel; chargers report 1 to 10 or so).
    static let stackLevel = NumberRange.integers(0...1000)
    /// A state of charge in %.
    static let percent = NumberRange.numbers(0...100)
    /// A session's energy in Wh: up to a gigawatt-hour.
    static let energyWh = NumberRange.numbers(0...1_000_000_000)
    /// An energy goal's `energyKWh` (above 0): no car holds a megawatt hour.
    static let goalKWh = NumberRange.numbers(0...1000)
    /// Minutes a manual limit override lasts: up to a week (without `minutes` it lasts the session).
    static let overrideMinutes = NumberRange.numbers(0.1...10_080)
    /// A transaction id: positive, and an OCPP integer (32 bits).
    static let transactionId = NumberRange.integers(1...2_147_483_647)
}
