/// How one input is read from an HTTP answer: the JSON path (none: the whole body is the
/// number) and the factor applied.
public struct HTTPInputSpec: Sendable, Equatable {
    public var path: JSONPath?
    /// Multiplies the value read (default 1; 1000 turns kW into W, -1 flips a sign convention).
    public var scale: Double

    public init(path: JSONPath? = nil, scale: Double = 1) {
        self.path = path
        self.scale = scale
    }
}
