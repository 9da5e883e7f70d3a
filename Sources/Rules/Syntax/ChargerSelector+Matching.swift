extension ChargerSelector {
    func matches(chargerId: String, connectorId: Int) -> Bool {
        if let connector, connector != connectorId { return false }
        if pattern == "*" { return true }
        if !pattern.contains("*") && !pattern.contains("?") { return pattern == chargerId }
        return Self.glob(Array(pattern.unicodeScalars), Array(chargerId.unicodeScalars))
    }

    /// `*` matches any run of characters, `?` exactly one.
    static func glob(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var starPattern = -1
        var starText = 0
        while textIndex < text.count {
            if patternIndex < pattern.count,
                pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex]
            {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if starPattern >= 0 {
                patternIndex = starPattern + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
