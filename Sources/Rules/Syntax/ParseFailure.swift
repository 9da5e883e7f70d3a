/// Why the parser stopped reading a clause; it reports this and resumes at the next clause.
struct ParseFailure: Error {
    var message: String
    var location: SourceLocation
}
