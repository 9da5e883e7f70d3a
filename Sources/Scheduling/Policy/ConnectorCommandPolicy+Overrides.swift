import ChargingModel
import Foundation

extension ConnectorCommandPolicy {
    /// Sets the manual limit in amperes (convert watts with `ChargerFacts.amps(fromWatts:)`),
    /// for `minutes` or until the session ends (the one open now, else the next one). The profiles
    /// that carry it out are recorded with `source`, who asked for it.
    public mutating func setLimitOverride(
        amps: Double, minutes: Double? = nil, connector: ConnectorFacts, now: Date, source: CommandSource = .api
    ) {
        limitOverride = ManualOverride(
            value: amps, expiresAt: minutes.map { now.addingTimeInterval($0 * 60) }, endsWithSession: true,
            transactionId: connector.transactionId, source: source)
    }

    /// `DELETE /api/chargers/{id}/limit`: the rules decide again.
    public mutating func clearLimitOverride() {
        limitOverride = nil
    }

    /// A manual start or stop, held until the session it concerns begins and ends, or `minutes`.
    ///
    /// A stop needs an open transaction (else it would end the next session at once): without one
    /// nothing is set and the answer is `false`, for the API's 409.
    @discardableResult
    public mutating func setSessionOverride(
        _ intent: SessionIntent, minutes: Double? = nil, connector: ConnectorFacts, now: Date
    ) -> Bool {
        if intent == .stop && connector.transactionId == nil { return false }
        sessionOverride = ManualOverride(
            value: intent, expiresAt: minutes.map { now.addingTimeInterval($0 * 60) }, endsWithSession: true,
            transactionId: connector.transactionId)
        return true
    }

    public mutating func clearSessionOverride() {
        sessionOverride = nil
    }

    /// A manual availability, held until cleared or `minutes` (sessions do not end it: an
    /// unavailable connector would otherwise become available again when its session ends).
    public mutating func setAvailabilityOverride(_ intent: AvailabilityIntent, minutes: Double? = nil, now: Date) {
        availabilityOverride = ManualOverride(
            value: intent, expiresAt: minutes.map { now.addingTimeInterval($0 * 60) }, endsWithSession: false)
    }

    public mutating func clearAvailabilityOverride() {
        availabilityOverride = nil
    }
}
