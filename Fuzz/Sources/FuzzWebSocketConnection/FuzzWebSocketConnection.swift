import FuzzSupport
import WebSocket

/// Feeds the input to the WebSocket state machine (frame decoder, reassembly, UTF-8 validation,
/// control frames) in two pieces, as a charger's bytes arrive.
@_cdecl("FuzzWebSocketConnection_main")
public func fuzzWebSocketConnectionMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzWebSocketConnection)
}

func fuzzWebSocketConnection(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    let count = input.count
    let split = count > 0 ? Int(input[0]) % (count + 1) : 0
    var connection = WebSocketConnection(maxMessageBytes: 4096)
    for piece in [input[0..<split], input[split..<count]] {
        for action in connection.receive(UnsafeRawBufferPointer(rebasing: piece)) {
            if case .deliverText(let text) = action {
                // Whatever is delivered must be valid UTF-8.
                precondition(String(validating: text, as: UTF8.self) != nil)
            }
        }
    }
    return 0
}
