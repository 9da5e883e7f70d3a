/// The plan of one connector over time, in time order.
public struct PlanSeries: Sendable, Hashable {
    /// How the connector is named in the table and the legend (`garage:1`).
    public var label: String
    public var points: [PlanPoint]

    public init(label: String, points: [PlanPoint]) {
        self.label = label
        self.points = points
    }
}
