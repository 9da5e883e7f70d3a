/// A small XML reader for the documents tariff providers answer with (ENTSO-E's
/// `Publication_MarketDocument`): elements, attributes, character data, CDATA, comments,
/// processing instructions and the XML declaration, the five predefined entities and character
/// references. Not a validating parser: a DTD is refused (no entity expansion, so no
/// "billion laughs"), names keep only their local part (`ns:Point` is `Point`), and nesting is
/// limited to `maximumDepth`.
public enum XMLReader {
    public static let maximumDepth = 64

    /// The document's root element.
    public static func parse(_ bytes: [UInt8]) throws(XMLParseError) -> XMLElement {
        var cursor = Cursor(bytes: bytes)
        if cursor.hasPrefix([0xEF, 0xBB, 0xBF]) { cursor.index += 3 }
        try cursor.skipMisc()
        guard cursor.peek() == UInt8(ascii: "<") else { throw XMLParseError("expected an element", at: cursor.index) }
        let root = try cursor.element(depth: 1)
        try cursor.skipMisc()
        guard cursor.isAtEnd else { throw XMLParseError("content after the root element", at: cursor.index) }
        return root
    }

    struct Cursor {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index >= bytes.count }
        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        func hasPrefix(_ prefix: [UInt8]) -> Bool {
            bytes.count - index >= prefix.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
        }

        func hasPrefix(_ text: String) -> Bool { hasPrefix(Array(text.utf8)) }

        mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        /// Skips to just after `terminator`.
        mutating func skip(past terminator: String, what: String) throws(XMLParseError) {
            let needle = Array(terminator.utf8)
            while !isAtEnd {
                if hasPrefix(needle) {
                    index += needle.count
                    return
                }
                index += 1
            }
            throw XMLParseError("unterminated \(what)", at: index)
        }

        /// Blanks, comments, processing instructions and the declaration outside the root.
        mutating func skipMisc() throws(XMLParseError) {
            while true {
                skipSpace()
                if hasPrefix("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if hasPrefix("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if hasPrefix("<!DOCTYPE") || hasPrefix("<!doctype") {
                    throw XMLParseError("a document type declaration is not accepted", at: index)
                } else {
                    return
                }
            }
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }

        mutating func name() throws(XMLParseError) -> String {
            let start = index
            while let byte = peek(), Cursor.isNameByte(byte) { index += 1 }
            guard index > start else { throw XMLParseError("expected a name", at: index) }
            let qualified = String(decoding: bytes[start..<index], as: UTF8.self)
            return qualified.split(separator: ":").last.map(String.init) ?? qualified
        }

        /// An element starting at its `<`.
        mutating func element(depth: Int) throws(XMLParseError) -> XMLElement {
            guard depth <= XMLReader.maximumDepth else {
                throw XMLParseError("nested deeper than \(XMLReader.maximumDepth) elements", at: index)
            }
            index += 1
            let startName = index
            var element = XMLElement(name: try name())
            let qualifiedName = Array(bytes[startName..<index])
            while true {
                skipSpace()
                guard let byte = peek() else { throw XMLParseError("unterminated start tag", at: index) }
                if byte == UInt8(ascii: "/") {
                    guard hasPrefix("/>") else { throw XMLParseError("expected />", at: index) }
                    index += 2
                    return element
                }
                if byte == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                let attribute = try name()
                skipSpace()
                guard peek() == UInt8(ascii: "=") else {
                    throw XMLParseError("expected = after \(attribute)", at: index)
                }
                index += 1
                skipSpace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw XMLParseError("expected a quoted value for \(attribute)", at: index)
                }
                index += 1
                let valueStart = index
                while let byte = peek(), byte != quote { index += 1 }
                guard !isAtEnd else { throw XMLParseError("unterminated attribute \(attribute)", at: index) }
                element.attributes[attribute] = try Cursor.decodeEntities(bytes[valueStart..<index], at: valueStart)
                index += 1
            }
            var text: [UInt8] = []
            while true {
                guard let byte = peek() else { throw XMLParseError("element \(element.name) is not closed", at: index) }
                if byte != UInt8(ascii: "<") {
                    let start = index
                    while let next = peek(), next != UInt8(ascii: "<") { index += 1 }
                    text += Array(try Cursor.decodeEntities(bytes[start..<index], at: start).utf8)
                } else if hasPrefix("</") {
                    index += 2
                    let closeStart = index
                    _ = try name()
                    guard bytes[closeStart..<index].elementsEqual(qualifiedName) else {
                        throw XMLParseError("element \(element.name) closed by another name", at: closeStart)
                    }
                    skipSpace()
                    guard peek() == UInt8(ascii: ">") else { throw XMLParseError("expected >", at: index) }
                    index += 1
                    element.text = String(decoding: text, as: UTF8.self)
                    return element
                } else if hasPrefix("<!--") {
                    try skip(past: "-->", what: "comment")
                } else if hasPrefix("<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: "]]>", what: "CDATA section")
                    text += bytes[start..<index - 3]
                } else if hasPrefix("<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if hasPrefix("<!") {
                    throw XMLParseError("a declaration is not accepted inside an element", at: index)
                } else {
                    element.children.append(try self.element(depth: depth + 1))
                }
            }
        }

        /// Character data with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#N;` and `&#xN;` decoded.
        static func decodeEntities(_ slice: ArraySlice<UInt8>, at offset: Int) throws(XMLParseError) -> String {
            guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
            var output = ""
            var index = slice.startIndex
            while index < slice.endIndex {
                let byte = slice[index]
                guard byte == UInt8(ascii: "&") else {
                    let start = index
                    while index < slice.endIndex, slice[index] != UInt8(ascii: "&") { index += 1 }
                    output += String(decoding: slice[start..<index], as: UTF8.self)
                    continue
                }
                guard let end = slice[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 10 else {
                    throw XMLParseError("unterminated entity reference", at: index)
                }
                let name = String(decoding: slice[(index + 1)..<end], as: UTF8.self)
                switch name {
                case "lt": output += "<"
                case "gt": output += ">"
                case "amp": output += "&"
                case "quot": output += "\""
                case "apos": output += "'"
                default:
                    let scalar: UInt32?
                    if name.hasPrefix("#x") {
                        scalar = UInt32(name.dropFirst(2), radix: 16)
                    } else if name.hasPrefix("#") {
                        scalar = UInt32(name.dropFirst(), radix: 10)
                    } else {
                        scalar = nil
                    }
                    guard let scalar, let character = Unicode.Scalar(scalar) else {
                        throw XMLParseError("unknown entity &\(name);", at: index)
                    }
                    output.unicodeScalars.append(character)
                }
                index = end + 1
            }
            return output
        }
    }
}
