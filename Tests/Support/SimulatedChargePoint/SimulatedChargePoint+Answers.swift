import JSON

extension SimulatedChargePoint {
    /// What a well-behaved charger answers, within the limits the test set.
    func defaultAnswer(_ action: String, _ payload: JSONObject) -> SimulatedAnswer {
        switch action {
        case "GetConfiguration":
            var wanted: [String]? = nil
            if case .array(let keys) = payload["key"] {
                wanted = keys.compactMap { if case .string(let key) = $0 { key } else { nil } }
            }
            let known = configuration.filter { wanted?.contains($0.key) ?? true }
            var result = JSONObject()
            result["configurationKey"] = .array(
                known.map { entry in
                    .object(
                        JSONObject([
                            ("key", .string(entry.key)), ("readonly", .bool(false)), ("value", .string(entry.value)),
                        ]))
                })
            let unknown = (wanted ?? []).filter { key in !configuration.contains { $0.key == key } }
            if !unknown.isEmpty { result["unknownKey"] = .array(unknown.map(JSONValue.string)) }
            return .result(result)
        case "ChangeConfiguration":
            guard case .string(let key) = payload["key"], case .string(let value) = payload["value"] else {
                return .error(.formationViolation, "key and value expected")
            }
            if rejectedConfigurationKeys.contains(key) { return .status("Rejected") }
            if let index = configuration.firstIndex(where: { $0.key == key }) {
                configuration[index].value = value
            } else {
                configuration.append((key, value))
            }
            return .status("Accepted")
        case "SetChargingProfile":
            if case .object(let profile) = payload["csChargingProfiles"],
                case .string(let purpose) = profile["chargingProfilePurpose"], rejectedProfilePurposes.contains(purpose)
            {
                return .status("Rejected")
            }
            return .status("Accepted")
        case "UnlockConnector":
            return .status("Unlocked")
        case "GetCompositeSchedule":
            return .status("Rejected")
        case "GetLocalListVersion":
            return .result(JSONObject([("listVersion", .number(0))]))
        case "GetDiagnostics":
            return .result(JSONObject())
        case "TriggerMessage", "ClearChargingProfile", "RemoteStartTransaction", "RemoteStopTransaction",
            "ChangeAvailability", "Reset", "DataTransfer", "ClearCache", "SendLocalList", "ReserveNow",
            "CancelReservation", "UpdateFirmware":
            return .status("Accepted")
        default:
            return .error(.notImplemented, "\(action) is not implemented by this simulated charger")
        }
    }
}
