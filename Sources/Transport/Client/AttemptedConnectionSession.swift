/// Something that makes outgoing connections one attempt at a time and hears each attempt's
/// events tagged with its number (`AttemptConnectionHandler`), so that a late event of an
/// abandoned attempt can be told apart and ignored. Called on the attempt's loop.
public protocol AttemptedConnectionSession: AnyObject {
    func connectionDidOpen(_ connection: Connection, attempt: Int)
    func connectionDidReceive(_ bytes: UnsafeRawBufferPointer, attempt: Int)
    /// The attempt ended: closed (`error` nil for an orderly close) or never connected.
    func connectionDidEnd(attempt: Int, error: TransportError?)
}
