/// The `scheduler.*` settings the command policy follows.
public struct PolicySettings: Sendable, Hashable {
    /// A limit closer than this many amperes to the one in force is not sent.
    public var deadband: Double
    /// Seconds between a limit change and the next increase on the same connector.
    public var minIncreaseInterval: Double
    /// Seconds between attempts of a command that failed.
    public var retryInterval: Double

    public init(deadband: Double = 0.5, minIncreaseInterval: Double = 10, retryInterval: Double = 30) {
        self.deadband = deadband
        self.minIncreaseInterval = minIncreaseInterval
        self.retryInterval = retryInterval
    }
}
