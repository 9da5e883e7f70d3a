import Foundation
import JSON

/// Something a charger reported that is kept as it came: a row of `charger_events`.
///
/// `kind` is the OCPP action for DataTransfer, SecurityEventNotification,
/// DiagnosticsStatusNotification and FirmwareStatusNotification, or one of the central
/// system's own events (`Connected`, `Disconnected`, `UnknownTransaction`).
public struct ChargerEventRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int
    public var chargerId: String
    public var kind: String
    public var payload: JSONValue
    public var at: Date

    public init(id: Int = 0, chargerId: String, kind: String, payload: JSONValue, at: Date = Date()) {
        self.id = id
        self.chargerId = chargerId
        self.kind = kind
        self.payload = payload
        self.at = at
    }
}
