/// Which id tags may charge: the `idTags` configuration (docs/configuration.md).
///
/// Tags are compared without regard to case, as OCPP 1.6 defines `IdToken` as a case-insensitive
/// string (`CiString20Type`): a card read as `04a2b3c4` is the tag configured as `04A2B3C4`.
public struct IdTagPolicy: Sendable, Hashable {
    /// The tag Ampwise uses for remote starts on a charger that has no `idTag` configured.
    public static let defaultRemoteStartTag = "ampwise"

    /// The status of every tag not listed in `tags`.
    public var defaultStatus: IdTagStatus
    /// Configured tags, as written in the configuration.
    public private(set) var tags: [String: IdTagStatus]
    private var statusByFoldedTag: [String: IdTagStatus]

    public init(defaultStatus: IdTagStatus = .accepted, tags: [String: IdTagStatus] = [:]) {
        self.defaultStatus = defaultStatus
        self.tags = tags
        // Sorted so that two spellings of one tag resolve the same way on every run.
        var folded: [String: IdTagStatus] = [:]
        for (tag, status) in tags.sorted(by: { $0.key < $1.key }) { folded[Self.fold(tag)] = status }
        statusByFoldedTag = folded
    }

    /// The tag used for remote starts on a charger whose configured `idTag` is `chargerIdTag`.
    public static func remoteStartTag(chargerIdTag: String?) -> String {
        chargerIdTag ?? defaultRemoteStartTag
    }

    /// The status for `idTag` presented at a charger whose configured `idTag` is `chargerIdTag`.
    /// The charger's own remote-start tag is always accepted, whatever the list says: Ampwise
    /// must be able to start the sessions it decides on.
    public func status(for idTag: String, chargerIdTag: String?) -> IdTagStatus {
        let folded = Self.fold(idTag)
        if folded == Self.fold(Self.remoteStartTag(chargerIdTag: chargerIdTag)) { return .accepted }
        return statusByFoldedTag[folded] ?? defaultStatus
    }

    private static func fold(_ tag: String) -> String { tag.uppercased() }

    public static func == (lhs: IdTagPolicy, rhs: IdTagPolicy) -> Bool {
        lhs.defaultStatus == rhs.defaultStatus && lhs.tags == rhs.tags
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(defaultStatus)
        hasher.combine(tags)
    }
}
