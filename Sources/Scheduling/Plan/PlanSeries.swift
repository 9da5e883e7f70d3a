/// The plan of one connector over time, in time order.
public struct PlanSeries: Sendable, Hashable {
    /// How the connector is named in the table and the legend (`garage:1`).
    public var label: String
    public var points: [PlanPoint]
    /// The inputs the rules read, in the order the table and the chart show them.
    public var inputNames: [String]

    public init(label: String, points: [PlanPoint], inputNames: [String] = []) {
        self.label = label
        self.points = points
        self.inputNames = inputNames
    }
}
