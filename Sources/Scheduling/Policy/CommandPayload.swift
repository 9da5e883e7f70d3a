import Foundation
import JSON

/// Builds the CALL payloads the policy sends, valid against the OCPP 1.6 schemas and the
/// smart-charging rules.
public enum CommandPayload {
    /// A SetChargingProfile.req holding `amps` on a connector.
    ///
    /// - TxDefaultProfile and TxProfile: `Relative`, no `startSchedule`, one period from 0 with no
    ///   `duration`: the limit holds for the whole session and does not depend on the charger's
    ///   clock (an `Absolute` schedule starting "now" is not in force yet on a charger whose clock
    ///   runs behind). TxProfile carries the open transaction's id, as the specification requires.
    /// - ChargePointMaxProfile: on connector 0, `Absolute` with a `startSchedule` one day before
    ///   `now`, again without `duration`: a charge point maximum has no session to be relative to,
    ///   and a start in the past is in force at once even on a charger whose clock is a day off.
    /// - `chargingRateUnit` per the charger; watts are `A × V × phases`; the limit has one decimal.
    /// - `numberPhases` tells the charger how many phases the limit is meant for.
    public static func setChargingProfile(
        amps: Double, purpose: ProfilePurpose, connectorId: Int, transactionId: Int?,
        charger: ChargerFacts, now: Date
    ) -> JSONObject {
        let value = charger.rateUnit == .amps ? amps : charger.watts(fromAmps: amps)
        let period = JSONObject([
            ("startPeriod", 0), ("limit", .number(oneDecimal(value))),
            ("numberPhases", .number(Double(charger.phases))),
        ])
        var schedule = JSONObject()
        var profile = JSONObject([
            ("chargingProfileId", .number(Double(purpose.profileId(connectorId: connectorId))))
        ])
        if purpose == .txProfile, let transactionId {
            profile["transactionId"] = .number(Double(transactionId))
        }
        profile["stackLevel"] = .number(Double(charger.maxStackLevel ?? ChargerFacts.defaultStackLevel))
        profile["chargingProfilePurpose"] = .string(purpose.rawValue)
        if purpose == .chargePointMaxProfile {
            profile["chargingProfileKind"] = "Absolute"
            schedule["startSchedule"] = .string(isoTimestamp(now.addingTimeInterval(-86_400)))
        } else {
            profile["chargingProfileKind"] = "Relative"
        }
        schedule["chargingRateUnit"] = .string(charger.rateUnit.rawValue)
        schedule["chargingSchedulePeriod"] = [.object(period)]
        profile["chargingSchedule"] = .object(schedule)
        return JSONObject([
            ("connectorId", .number(Double(purpose == .chargePointMaxProfile ? 0 : connectorId))),
            ("csChargingProfiles", .object(profile)),
        ])
    }

    /// ClearChargingProfile.req for Ampwise's own profile only, by id: never a broad clear that
    /// would also remove profiles someone else set.
    public static func clearChargingProfile(profileId: Int) -> JSONObject {
        JSONObject([("id", .number(Double(profileId)))])
    }

    public static func remoteStartTransaction(connectorId: Int, idTag: String) -> JSONObject {
        JSONObject([("connectorId", .number(Double(connectorId))), ("idTag", .string(idTag))])
    }

    public static func remoteStopTransaction(transactionId: Int) -> JSONObject {
        JSONObject([("transactionId", .number(Double(transactionId)))])
    }

    public static func changeAvailability(connectorId: Int, availability: AvailabilityIntent) -> JSONObject {
        JSONObject([
            ("connectorId", .number(Double(connectorId))), ("type", .string(availability.availabilityType)),
        ])
    }

    /// Rounds to one decimal, as the limits on the wire are written.
    public static func oneDecimal(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// `2026-11-25T08:00:00Z`: whole seconds in UTC, the form every charger parses.
    static func isoTimestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))T"
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}
