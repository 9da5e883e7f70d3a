import Scheduling

extension PlanState {
    /// The state as `GET /api/plan` names it.
    var apiName: String {
        switch self {
        case .leftToCharger: "leftToCharger"
        case .charging: "charging"
        case .limited: "limited"
        case .paused: "paused"
        }
    }
}
