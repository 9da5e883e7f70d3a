extension RFC3339 {
    /// What `RFC3339.parse` accepts beyond RFC 3339's `date-time`.
    public struct ParseOptions: OptionSet, Sendable {
        public let rawValue: Int

        public init(rawValue: Int) { self.rawValue = rawValue }

        /// A date-time without `Z` or an offset is read as UTC. RFC 3339 does not allow it (a
        /// common charger firmware fault; what a `sqlite3` user types).
        public static let offsetOptional = ParseOptions(rawValue: 1 << 0)
        /// A space may stand for `T`: RFC 3339 section 5.6 lets applications choose it "for the
        /// sake of readability", and SQLite's own date functions write it.
        public static let spaceSeparator = ParseOptions(rawValue: 1 << 1)
        /// `2026-11-25T08:00Z`, without seconds: what people type on the command line.
        public static let secondsOptional = ParseOptions(rawValue: 1 << 2)
    }
}
