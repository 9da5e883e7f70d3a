extension AmpwiseConfiguration {
    /// `bytes` with every line whose first non-blank characters are `//` turned into spaces.
    ///
    /// JSON has no comments, and a configuration file that lives for years in `/etc/ampwise` needs
    /// them: the default one says what each key does and shows its default, commented out. Only
    /// whole lines are comments, so a `//` inside a string (`"url": "http://..."`) stays text, a
    /// file without comments reads exactly as before, and blanking (not removing) keeps the line
    /// and column of every error true (docs/configuration.md).
    static func blankingCommentLines(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var index = 0
        while index < result.count {
            var first = index
            while first < result.count, result[first] == UInt8(ascii: " ") || result[first] == UInt8(ascii: "\t") {
                first += 1
            }
            var end = first
            while end < result.count, result[end] != UInt8(ascii: "\n") { end += 1 }
            if first + 1 < end, result[first] == UInt8(ascii: "/"), result[first + 1] == UInt8(ascii: "/") {
                for position in first..<end where result[position] != UInt8(ascii: "\r") {
                    result[position] = UInt8(ascii: " ")
                }
            }
            index = end + 1
        }
        return result
    }
}
