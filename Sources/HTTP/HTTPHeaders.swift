/// HTTP header fields in the order they were received or added, with case-insensitive lookup by name.
///
/// Field names keep their original spelling; every lookup compares names ASCII case-insensitively,
/// as RFC 9110 §5.1 requires.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    /// One header field line.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every field line, in order.
    public private(set) var fields: [Field]

    /// No fields.
    public init() {
        fields = []
    }

    /// Headers from `(name, value)` pairs, in order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of field lines.
    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The value of the first field named `name`, or nil when there is none.
    public subscript(name: String) -> String? {
        fields.first { HTTPHeaders.namesMatch($0.name, name) }?.value
    }

    /// The values of every field named `name`, in order (one entry per field line).
    public func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.namesMatch($0.name, name) }.map(\.value)
    }

    /// True when at least one field is named `name`.
    public func contains(name: String) -> Bool {
        fields.contains { HTTPHeaders.namesMatch($0.name, name) }
    }

    /// The comma-separated list elements of every field named `name` (RFC 9110 §5.6.1), trimmed, empty
    /// elements dropped. Right for token lists such as `Connection`, `Upgrade` and `Sec-WebSocket-Protocol`.
    public func listElements(for name: String) -> [String] {
        var elements: [String] = []
        forEachListElement(of: name) { element in
            elements.append(String(element))
            return true
        }
        return elements
    }

    /// True when the list of field `name` holds `token`, compared ASCII case-insensitively
    /// (`Connection: keep-alive, Upgrade` contains `upgrade`).
    public func containsToken(_ token: String, in name: String) -> Bool {
        var found = false
        forEachListElement(of: name) { element in
            found = HTTPHeaders.bytesMatch(element.utf8, token.utf8)
            return !found
        }
        return found
    }

    /// Calls `body` with each list element of the fields named `name` (trimmed, empty ones
    /// skipped), in order, until it returns false. Builds no arrays: every answer an HTTP source
    /// reads asks for three lists (BENCHMARKS.md, "Sources").
    private func forEachListElement(of name: String, _ body: (Substring) -> Bool) {
        for field in fields where HTTPHeaders.namesMatch(field.name, name) {
            var rest = Substring(field.value)
            while !rest.isEmpty {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                let element = HTTPHeaders.trimmingWhitespace(rest[..<end])
                if !element.isEmpty, !body(element) { return }
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            }
        }
    }

    /// Makes room for `count` fields, for a parser that knows how many lines come.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` with one field holding `value` (added at the end when absent).
    public mutating func replaceOrAdd(name: String, value: String) {
        if let index = fields.firstIndex(where: { HTTPHeaders.namesMatch($0.name, name) }) {
            fields[index].value = value
            var position = fields.index(after: index)
            while position < fields.endIndex {
                if HTTPHeaders.namesMatch(fields[position].name, name) {
                    fields.remove(at: position)
                } else {
                    position += 1
                }
            }
        } else {
            add(name: name, value: value)
        }
    }

    /// Removes every field named `name`.
    public mutating func remove(name: String) {
        fields.removeAll { HTTPHeaders.namesMatch($0.name, name) }
    }

    /// ASCII case-insensitive comparison, without allocating lowercased copies.
    package static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        bytesMatch(lhs.utf8, rhs.utf8)
    }

    /// ASCII case-insensitive comparison of two byte sequences.
    static func bytesMatch<Left: Collection<UInt8>, Right: Collection<UInt8>>(_ left: Left, _ right: Right) -> Bool {
        guard left.count == right.count else { return false }
        for (a, b) in zip(left, right) where a != b {
            if asciiLowercase(a) != asciiLowercase(b) { return false }
        }
        return true
    }

    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    package static func trimmingWhitespace(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
