/// How one simulated charger and the car that comes to it behave (`SimulatedCharger`).
public struct SimulatedChargerSettings: Sendable, Equatable {
    public var chargerId: String
    public var host = "127.0.0.1"
    public var port: Int
    /// The path before the charger id (`/` makes `ws://host:port/garage`).
    public var pathPrefix = "/"
    public var phases = 3
    public var voltage = 230.0
    /// What the car draws at most, per phase.
    public var carMaxAmps = 16.0
    /// Below this offer (A) a car does not charge (IEC 61851-1: 6 A is the lowest PWM offer).
    public var carMinAmps = 6.0
    /// Seconds after connecting until the first car plugs in.
    public var plugInAfter = 3.0
    /// Seconds a car stays plugged in once its session started.
    public var sessionSeconds = 300.0
    /// Seconds between a car leaving and the next one plugging in.
    public var pauseBetweenSessions = 60.0
    /// Seconds a plugged-in car waits for a remote start before its driver swipes a card.
    public var swipeAfter = 30.0
    /// Seconds between MeterValues while charging.
    public var meterInterval = 5.0
    /// The meter's register when the simulation starts, Wh.
    public var meterStart = 1_250_000.0

    public init(chargerId: String, port: Int) {
        self.chargerId = chargerId
        self.port = port
    }
}
