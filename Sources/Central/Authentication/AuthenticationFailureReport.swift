import Logging

/// A summary line about failed logins, from `AuthenticationThrottle`.
public enum AuthenticationFailureReport: Sendable, Equatable {
    /// Failures of one address since its last line ("more": its first failure had a line of its own).
    case address(
        String, failures: Int, turnedAway: Int, chargerIds: [String], moreChargerIds: Bool, seconds: Double,
        delay: Double)
    /// Failures that got no line of their own (past the lines a period may have, or of addresses
    /// forgotten to keep the table bounded), and how many addresses they came from.
    case unlogged(failures: Int, addresses: Int, seconds: Double)

    /// The line, `203.0.113.9: 4,980 more failed logins in the last 60 s (charger ids: CP1, CP2); ...`.
    /// Charger ids come from outside: `LogMessage` escapes them.
    public var message: LogMessage {
        switch self {
        case .address(let address, let failures, let turnedAway, let ids, let moreIds, let seconds, let delay):
            let idList = ids.joined(separator: ", ") + (moreIds ? ", ..." : "")
            var message: LogMessage =
                "\(address): \(Self.grouped(failures)) more failed \(failures == 1 ? "login" : "logins") in the last "
                + "\(Self.seconds(seconds)) s (charger ids: \(idList))"
            if turnedAway > 0 {
                message = message + "; \(Self.grouped(turnedAway)) more requests turned away with 429"
            }
            return message + "; each failure is now answered after \(Self.seconds(delay)) s"
        case .unlogged(let failures, let addresses, let seconds):
            return "\(Self.grouped(failures)) failed logins from \(Self.grouped(addresses)) addresses in the last "
                + "\(Self.seconds(seconds)) s were not logged one by one"
        }
    }

    /// `4980` as `4,980`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Whole seconds from 10 s up, one decimal below.
    static func seconds(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
    }
}
