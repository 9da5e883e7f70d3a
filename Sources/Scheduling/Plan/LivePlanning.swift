/// The plan of the coming hours from the live world (the dashboard's plan beside each chart);
/// the engine implements it with `ampwise plan`'s code path.
public protocol LivePlanning: Sendable {
    func livePlan(hours: Double, stepMinutes: Int) async -> [PlanSeries]
}
