/// Why a `.../set` payload was not carried out.
struct MQTTCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
