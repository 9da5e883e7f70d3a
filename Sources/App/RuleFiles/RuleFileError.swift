/// A rule file or folder that cannot be read, reported like a diagnostic.
struct RuleFileError: Error, Sendable, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): error: \(reason)" }
}
