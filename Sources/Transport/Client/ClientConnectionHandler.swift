/// The handler of an outgoing connection (`EventLoopGroup.connect`). It exists from the start of
/// the attempt, so it hears how the attempt ended either way, on its loop and never re-entrantly:
/// - the connection was made: `connectionDidOpen` (after the TLS handshake under TLS), then the
///   usual events and exactly one `connectionDidClose` (a failed TLS handshake, such as a
///   certificate that does not verify, is a `connectionDidClose` with `TransportError.tls`);
/// - it could not be made (name not resolved, refused, unreachable, timed out, the loop stopped):
///   `connectionDidFail`, and nothing else.
public protocol ClientConnectionHandler: ConnectionHandler {
    /// No connection was made; `error` is `.cannotConnect`, `.connectTimeout` or `.loopShutdown`.
    func connectionDidFail(_ error: TransportError)
}
