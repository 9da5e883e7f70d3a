import Foundation

/// One key of a charger's configuration, as GetConfiguration reported it.
public struct ConfigurationEntry: Sendable, Equatable {
    public var key: String
    /// `nil` when the charger reported the key without a value.
    public var value: String?
    public var isReadonly: Bool
    /// When the value was reported (or changed by an accepted ChangeConfiguration).
    public var reportedAt: Date

    public init(key: String, value: String?, isReadonly: Bool, reportedAt: Date = Date()) {
        self.key = key
        self.value = value
        self.isReadonly = isReadonly
        self.reportedAt = reportedAt
    }
}
