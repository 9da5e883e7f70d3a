/// Where a sampled value was measured (OCPP 1.6 `SampledValue.location`).
public enum MeterLocation: String, Sendable, Hashable, CaseIterable, Codable {
    case body = "Body"
    case cable = "Cable"
    case ev = "EV"
    case inlet = "Inlet"
    case outlet = "Outlet"
}
