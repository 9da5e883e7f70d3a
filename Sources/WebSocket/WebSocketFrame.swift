/// One decoded frame, its payload already unmasked.
public struct WebSocketFrame: Sendable, Equatable {
    /// True on the last frame of a message.
    public var fin: Bool
    public var opcode: WebSocketOpcode
    public var payload: [UInt8]

    public init(fin: Bool, opcode: WebSocketOpcode, payload: [UInt8]) {
        self.fin = fin
        self.opcode = opcode
        self.payload = payload
    }
}
