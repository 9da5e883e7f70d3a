/// The charger connections of one loop that hold bytes of unfinished messages, for
/// `MessageBufferBudget`. Loop-confined. Connections enter and leave it only when a message
/// spans reads, so a dictionary is cheap enough.
final class BufferingConnections {
    private(set) var handlers: [ObjectIdentifier: ChargerConnectionHandler] = [:]

    func add(_ handler: ChargerConnectionHandler) {
        handlers[ObjectIdentifier(handler)] = handler
    }

    func remove(_ handler: ChargerConnectionHandler) {
        handlers[ObjectIdentifier(handler)] = nil
    }
}
