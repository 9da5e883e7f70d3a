import ChargePointManagement
import Chronology
import Foundation
import JSON
import Logging
import OCPP
import Scheduling
import Store

/// The readable timeline `ampwise why CHARGER` prints: every recorded decision and command of a
/// charger, oldest first, so that it reads like a story, under a line that names the time zone.
///
/// ```
/// Times in Europe/Amsterdam (UTC+01:00).
/// 2026-11-25 00:30:00  garage:1  decided  charge at 16.0 A (charging: cheap overnight; limit: cheap overnight)
/// 2026-11-25 00:30:00  garage:1  sent     SetChargingProfile TxDefaultProfile 16.0 A -> Accepted (12 ms)
/// 2026-11-25 07:00:00  garage:1  sent     RemoteStartTransaction idTag ampwise [resume] -> Accepted (9 ms)
/// ```
public enum AuditTimeline {
    /// The timeline of `decisions`, `commands` and the charger's `securityEvents`
    /// (SecurityEventNotifications and the security extension's other reports, `securityKinds`;
    /// any order), in `timeZone`.
    public static func render(
        chargerId: String, decisions: [DecisionRecord], commands: [CommandRecord],
        securityEvents: [ChargerEventRecord] = [], timeZone: TimeZone
    ) -> String {
        guard !decisions.isEmpty || !commands.isEmpty || !securityEvents.isEmpty else {
            return "Nothing recorded for \(chargerId): no decision or command yet.\n"
        }
        // Decisions first at the same instant: a command carries out the decision before it.
        var entries: [(at: Date, order: Int, id: Int, line: (String, String, String))] = []
        for decision in decisions {
            entries.append(
                (
                    decision.at, 0, decision.id,
                    ("\(decision.chargerId):\(decision.connectorId)", "decided", decision.explanation)
                ))
        }
        for command in commands {
            let connector = command.connectorId.map { "\(command.chargerId):\($0)" } ?? command.chargerId
            let source = command.source == .scheduler ? "sent" : "sent (\(command.source))"
            entries.append((command.sentAt, 1, command.id, (connector, source, describe(command))))
        }
        for event in securityEvents {
            let (kind, what) = describe(event)
            // The charger's own words: escaped, so that they cannot start a line of their own.
            entries.append((event.at, 2, event.id, (event.chargerId, kind, LogEscaping.escaped(what))))
        }
        entries.sort { ($0.at, $0.order, $0.id) < ($1.at, $1.order, $1.id) }
        let connectorWidth = entries.map(\.line.0.count).max() ?? 0
        let kindWidth = entries.map(\.line.1.count).max() ?? 0
        var text = zoneLine(timeZone, dates: entries.map(\.at)) + "\n"
        for entry in entries {
            let (connector, kind, what) = entry.line
            text +=
                LocalTime(entry.at, in: timeZone).timestampText + "  " + padded(connector, connectorWidth) + "  "
                + padded(kind, kindWidth) + "  " + what + "\n"
        }
        return text
    }

    /// The `charger_events` kinds `ampwise why` shows: the security extension's reports.
    public static let securityKinds = [
        OCPPAction.securityEventNotification.rawValue, OCPPAction.signCertificate.rawValue,
        ChargerFleet.certificateSigningRefusedKind, OCPPAction.logStatusNotification.rawValue,
        OCPPAction.signedFirmwareStatusNotification.rawValue,
    ]

    /// `("security event", "TamperDetectionActivated: lid open")`, `("reported", "LogStatusNotification
    /// Uploaded (request 7)")`: the kind column and the text of a charger event.
    static func describe(_ event: ChargerEventRecord) -> (String, String) {
        let payload = event.payload
        switch event.kind {
        case OCPPAction.securityEventNotification.rawValue:
            let techInfo = payload["techInfo"]?.stringValue.map { ": \($0)" } ?? ""
            return ("security event", (payload["type"]?.stringValue ?? "?") + techInfo)
        case OCPPAction.signCertificate.rawValue:
            let type = payload["certificateType"]?.stringValue.map { " " + $0 } ?? ""
            return ("reported", "SignCertificate\(type): asks for its certificate to be signed")
        case ChargerFleet.certificateSigningRefusedKind:
            return ("refused", "SignCertificate: " + (payload["reason"]?.stringValue ?? "?"))
        default:
            let request = payload["requestId"]?.intValue.map { " (request \($0))" } ?? ""
            return ("reported", event.kind + " " + (payload["status"]?.stringValue ?? "?") + request)
        }
    }

    /// `SetChargingProfile TxDefaultProfile 16.0 A -> Accepted (12 ms)`.
    public static func describe(_ command: CommandRecord) -> String {
        var text = command.action
        let payload = command.payload.objectValue ?? JSONObject()
        switch command.action {
        // 1.6's payloads and 2.0.1's (docs/ocpp201.md): the same words in the timeline.
        case "SetChargingProfile":
            let profile = (payload["csChargingProfiles"] ?? payload["chargingProfile"])?.objectValue
            let schedule =
                profile?["chargingSchedule"]?.objectValue
                ?? profile?["chargingSchedule"]?.arrayValue?.first?.objectValue
            if let purpose = profile?["chargingProfilePurpose"]?.stringValue { text += " " + purpose }
            if let period = schedule?["chargingSchedulePeriod"]?.arrayValue?.first?.objectValue,
                let limit = period["limit"]?.doubleValue
            {
                text += " " + String(format: "%.1f", limit) + " " + (schedule?["chargingRateUnit"]?.stringValue ?? "A")
                // OCPP 1.6 reads a missing numberPhases as 3; a phase-switching charger's 1 is shown.
                if period["numberPhases"]?.doubleValue == 1 { text += " on 1 phase" }
            }
            if let connector = (payload["connectorId"] ?? payload["evseId"])?.doubleValue, connector == 0 {
                text += " on connector 0"
            }
        case "ClearChargingProfile":
            if let id = (payload["id"] ?? payload["chargingProfileId"])?.doubleValue { text += " id \(Int(id))" }
        case "RemoteStartTransaction":
            if let tag = payload["idTag"]?.stringValue { text += " idTag \(tag)" }
        case "RequestStartTransaction":
            if let tag = payload["idToken"]?.objectValue?["idToken"]?.stringValue { text += " idTag \(tag)" }
        case "RemoteStopTransaction":
            if let id = payload["transactionId"]?.doubleValue { text += " transaction \(Int(id))" }
        case "RequestStopTransaction":
            if let id = payload["transactionId"]?.stringValue { text += " transaction \(id)" }
        case "ChangeAvailability":
            if let type = (payload["type"] ?? payload["operationalStatus"])?.stringValue { text += " " + type }
        // The security extension's certificate messages (docs/security.md): 1.6 names one type,
        // 2.0.1's GetInstalledCertificateIds a list of them.
        case "InstallCertificate", "GetInstalledCertificateIds":
            let types =
                payload["certificateType"]?.stringValue.map { [$0] }
                ?? payload["certificateType"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if !types.isEmpty { text += " " + types.joined(separator: ",") }
        case "DeleteCertificate":
            if let serial = payload["certificateHashData"]?.objectValue?["serialNumber"]?.stringValue {
                text += " serial \(serial)"
            }
        default:
            break
        }
        if let reason = command.reason, !Self.tellsItsReason(command.action), !evidentReasons.contains(reason) {
            text += " [\(reason)]"
        }
        text += " -> \(command.outcome)"
        if command.action == "GetInstalledCertificateIds", let response = command.response?.objectValue,
            let listed = (response["certificateHashData"] ?? response["certificateHashDataChain"])?.arrayValue
        {
            text += ", \(listed.count) \(listed.count == 1 ? "certificate" : "certificates")"
        }
        if let latency = command.latencyMs { text += " (\(Int(latency.rounded())) ms)" }
        return text
    }

    /// Reasons a RemoteStart, RemoteStop or ClearChargingProfile already tells. The others are
    /// shown: a resume, a pause that stops the transaction, the withdrawal of a profile set before
    /// Ampwise restarted.
    static let evidentReasons: Set<String> = Set([CommandReason.start, .stop, .withdrawLimit].map(\.description))

    /// Whether the action's payload says all there is (a profile's limit, an availability).
    static func tellsItsReason(_ action: String) -> Bool {
        action == OCPPAction.setChargingProfile.rawValue || action == OCPPAction.changeAvailability.rawValue
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `Times in Europe/Amsterdam (UTC+02:00, then UTC+01:00).`: the zone of the times below and
    /// each offset it has at them, so that a summer-time change in the period reads as one.
    static func zoneLine(_ timeZone: TimeZone, dates: [Date]) -> String {
        var offsets: [String] = []
        for date in dates.sorted() {
            let offset = utcOffset(date, in: timeZone)
            if offsets.last != offset { offsets.append(offset) }
        }
        if offsets.isEmpty { offsets = [utcOffset(Date(), in: timeZone)] }
        return "Times in \(zoneName(timeZone)) (\(offsets.joined(separator: ", then ")))."
    }

    /// The zone as configured; Foundation calls the zone of `"timezone": "UTC"` GMT.
    static func zoneName(_ timeZone: TimeZone) -> String {
        timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
    }

    /// `UTC+01:00`, `UTC-03:30`: the zone's offset at `date`.
    static func utcOffset(_ date: Date, in timeZone: TimeZone) -> String {
        "UTC" + LocalTime(date, in: timeZone).utcOffsetText
    }
}
