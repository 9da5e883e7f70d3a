import FuzzSupport
import HTTP
import WebSocket

/// Feeds the input to the HTTP request parser in two pieces (split where the first byte says),
/// draining every request, as the upgrade and the API do with bytes from the network.
@_cdecl("FuzzHTTPRequestParser_main")
public func fuzzHTTPRequestParserMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzHTTPRequestParser)
}

func fuzzHTTPRequestParser(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    let count = input.count
    let split = count > 0 ? Int(input[0]) % (count + 1) : 0
    var parser = HTTPRequestParser(maxHeaderBytes: 8 * 1024, maxBodyBytes: 64 * 1024)
    for piece in [input[0..<split], input[split..<count]] {
        parser.append(UnsafeRawBufferPointer(rebasing: piece))
        while true {
            guard let request = try? parser.next() else { break }
            _ = request.pathSegments
            _ = request.queryItems
            _ = WebSocketUpgrade.evaluate(request) { _ in .passwordRequired("secret") }
        }
    }
    return 0
}
