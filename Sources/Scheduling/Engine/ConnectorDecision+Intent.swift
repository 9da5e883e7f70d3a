import Rules

extension ConnectorDecision {
    /// The rules' decision as the command policy's intent: one optional opinion per family.
    public var intent: ConnectorIntent {
        let charging: ChargingIntent? =
            switch self.charging {
            case .charge: .charge
            case .pause: .pause
            case .none: nil
            }
        let session: SessionIntent? =
            switch self.session {
            case .start(let idTag): .start(idTag: idTag)
            case .stop: .stop
            case .none: nil
            }
        let availability: AvailabilityIntent? =
            switch self.availability {
            case .available: .available
            case .unavailable: .unavailable
            case .none: nil
            }
        // A pause carries limit 0 in the decision; the policy turns a pause into its own command.
        return ConnectorIntent(
            charging: charging, limitAmps: charging == .pause ? nil : limitAmps, phases: phases, session: session,
            availability: availability)
    }
}
