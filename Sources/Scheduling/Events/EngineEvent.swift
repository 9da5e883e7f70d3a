import Store

/// Something the engine did that a live view shows at once (the dashboard's event stream,
/// docs/api.md "GET /api/events"): decisions as recorded, inputs as merged, prices as pushed.
public enum EngineEvent: Sendable {
    /// Decisions that changed, as the audit trail holds them (with their ids).
    case decisions([DecisionRecord])
    /// The inputs after an update (every input known, with its age, when read).
    case inputs(InputsSnapshot)
    /// The pushed prices changed; read them again with `tariffSlots(from:to:)`.
    case tariff
}
