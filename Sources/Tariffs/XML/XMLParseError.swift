/// Why a document is not XML `XMLReader` can read; `offset` is the byte where reading stopped.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "XML at byte \(offset): \(message)" }
}
