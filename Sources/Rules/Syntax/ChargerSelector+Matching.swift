extension ChargerSelector {
    func matches(chargerId: String, connectorId: Int) -> Bool {
        if let connector, connector != connectorId { return false }
        return matches(chargerId: chargerId)
    }

    /// Whether the charger id matches, whatever the connector.
    func matches(chargerId: String) -> Bool {
        switch matcher {
        case .any: return true
        case .exact(let id): return id == chargerId
        case .prefix(let prefix): return chargerId.utf8.starts(with: prefix.utf8)
        case .glob(let pattern):
            var id = chargerId
            return id.withUTF8 { Self.glob(pattern, $0) }
        }
    }

    /// `*` matches any run of characters, `?` exactly one (however many UTF-8 bytes it takes).
    static func glob(_ pattern: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let star = UInt8(ascii: "*")
        let question = UInt8(ascii: "?")
        var patternIndex = 0
        var textIndex = 0
        var starPattern = -1
        var starText = 0
        /// The index after the character that starts at `index`.
        func afterCharacter(_ index: Int) -> Int {
            var next = index + 1
            while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
            return next
        }
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == question {
                patternIndex += 1
                textIndex = afterCharacter(textIndex)
            } else if patternIndex < pattern.count, pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == star {
                starPattern = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if starPattern >= 0 {
                patternIndex = starPattern + 1
                starText = afterCharacter(starText)
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == star { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
