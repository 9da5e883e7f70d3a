/// Why a text is not JSON, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset of the problem in the input.
    public var offset: Int
    /// 1-based line and column of the problem.
    public var line: Int
    public var column: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}
