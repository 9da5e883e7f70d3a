import Foundation
import Transport

/// A local HTTP server for client tests: each connection's request head (up to the empty line,
/// plus `bodyLength` bytes) is recorded, then `respond` says what to send (nil: never answer) and
/// the server closes after sending if `closesAfterResponse`.
public final class CannedHTTPServer: Sendable {
    public let group: EventLoopGroup
    public let server: TCPServer
    private let received = RecordedRequests()

    public init(
        tls: TLSContext? = nil, closesAfterResponse: Bool = false,
        respond: @escaping @Sendable (String) -> [UInt8]?
    ) throws {
        let group = EventLoopGroup(loopCount: 1)
        let received = self.received
        do {
            server = try TCPServer(host: "127.0.0.1", port: 0, group: group, tls: tls) { _ in
                CannedHTTPHandler(closesAfterResponse: closesAfterResponse, respond: respond) { request in
                    received.append(request)
                }
            }
        } catch {
            group.shutdown()
            throw error
        }
        self.group = group
    }

    public var port: Int { server.localPort }
    public var requests: [String] { received.all }

    public func shutdown() {
        server.stop()
        group.shutdown()
    }
}

/// Collects one request (head and `Content-Length` body) and answers it.
public final class CannedHTTPHandler: ConnectionHandler {
    private let closesAfterResponse: Bool
    private let respond: @Sendable (String) -> [UInt8]?
    private let record: (String) -> Void
    private var bytes: [UInt8] = []
    private var answered = false

    init(
        closesAfterResponse: Bool, respond: @escaping @Sendable (String) -> [UInt8]?, record: @escaping (String) -> Void
    ) {
        self.closesAfterResponse = closesAfterResponse
        self.respond = respond
        self.record = record
    }

    public func connection(_ connection: Connection, didReceive received: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: received)
        let text = String(decoding: bytes, as: UTF8.self)
        guard !answered, let headEnd = text.range(of: "\r\n\r\n") else { return }
        let lengthLine = text[..<headEnd.lowerBound].split(separator: "\r\n").first {
            $0.lowercased().hasPrefix("content-length:")
        }
        let length = lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        guard text.utf8.count >= text[..<headEnd.upperBound].utf8.count + length else { return }
        answered = true
        record(text)
        guard let response = respond(text) else { return }
        connection.write(response)
        if closesAfterResponse { connection.close() }
    }
}
