/// A command line that cannot be run: print `line` to standard error and exit with `exitStatus`.
public struct CommandLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Without the `ampwise: ` prefix.
    public var message: String
    /// 2, as for every usage error.
    public var exitStatus: Int32

    public init(_ message: String, exitStatus: Int32 = 2) {
        self.message = message
        self.exitStatus = exitStatus
    }

    /// `ampwise: unknown flag --bogus for 'serve' (see 'ampwise help serve')`.
    public var line: String { "ampwise: \(message)" }

    public var description: String { line }
}
