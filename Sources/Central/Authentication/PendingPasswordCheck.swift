/// The password an upgrade presented when checking it costs a PBKDF2: `WebSocketUpgrade.evaluate`
/// lets it through provisionally, and the connection handler checks it off the loop before it
/// answers (docs/security.md, "Password rotation").
// @unchecked Sendable: made, written (inside `evaluate`, which runs the admission check inline)
// and read on one event loop, within one call of the connection handler.
final class PendingPasswordCheck: @unchecked Sendable {
    var password: [UInt8]?
}
