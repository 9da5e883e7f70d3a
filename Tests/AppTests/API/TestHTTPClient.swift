import Foundation
import HTTP
import TestSupport

/// A blocking HTTP/1.1 client over one socket: writes raw requests, reads responses framed by
/// `Content-Length`. Its calls block, so async tests run them through `offPool`.
final class TestHTTPClient: @unchecked Sendable {
    // One test drives one client from one task at a time: no concurrent use, hence unchecked.
    private let socket: BlockingSocket

    /// The timeout only bounds a broken server. It is long because the server answers from a task
    /// on the concurrency pool, where in a full parallel run on two cores the task can queue
    /// behind hundreds of starting tests for more than 5 s.
    init(port: Int) throws {
        socket = try BlockingSocket(port: port, timeout: 30)
    }

    func send(_ text: String) throws {
        try socket.send(text)
    }

    func send(_ bytes: [UInt8]) throws {
        try socket.send(bytes)
    }

    /// Reads one response; without `body`, only its head (the answer to HEAD).
    func readResponse(body hasBody: Bool = true) throws -> TestHTTPResponse {
        var head: [UInt8] = []
        while !(head.count >= 4 && head.suffix(4) == [13, 10, 13, 10]) {
            head += try socket.receive(exactly: 1)
        }
        let lines = String(decoding: head.dropLast(4), as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        let body = hasBody && length > 0 ? try socket.receive(exactly: length) : []
        return TestHTTPResponse(
            statusCode: Int(statusParts[1]) ?? 0, reasonPhrase: statusParts.count > 2 ? statusParts[2] : "",
            headers: headers, body: body)
    }

    /// The next `count` bytes, whatever they are (an event stream's body).
    func receive(exactly count: Int) throws -> [UInt8] {
        try socket.receive(exactly: count)
    }

    /// True when the server has closed the connection (nothing more arrives).
    func isClosedByServer() throws -> Bool {
        try socket.receiveUntilClosed().isEmpty
    }
}
