import Foundation

/// Numbers as the plan shows them: fixed decimals, `.` as the separator whatever the locale.
enum PlanNumberFormat {
    static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A price with at least 2 and at most 4 decimals (`0.11`, `0.1234`).
    static func price(_ value: Double) -> String {
        var text = fixed(value, decimals: 4)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return text
    }

    /// A short axis label: no decimals when whole (`16`), else one (`2.5`) or two (`0.25`).
    static func tick(_ value: Double) -> String {
        if value.rounded() == value { return fixed(value, decimals: 0) }
        if (value * 10).rounded() == value * 10 { return fixed(value, decimals: 1) }
        return fixed(value, decimals: 2)
    }
}
