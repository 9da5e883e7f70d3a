import Foundation
import Transport

/// A local HTTP server for client tests: each request (its head up to the empty line, plus its
/// `Content-Length` body) is recorded, then `respond` says what to send (nil: never answer) and
/// the server closes after sending if `closesAfterResponse`. A connection carries one request,
/// or with `keepsAlive` one after another; `connectionCount` counts the connections accepted.
public final class CannedHTTPServer: Sendable {
    public let group: EventLoopGroup
    public let server: TCPServer
    private let received = RecordedRequests()

    public init(
        tls: TLSContext? = nil, closesAfterResponse: Bool = false, keepsAlive: Bool = false,
        respond: @escaping @Sendable (String) -> [UInt8]?
    ) throws {
        let group = EventLoopGroup(loopCount: 1)
        let received = self.received
        do {
            server = try TCPServer(host: "127.0.0.1", port: 0, group: group, tls: tls) { _ in
                received.connectionOpened()
                return CannedHTTPHandler(
                    closesAfterResponse: closesAfterResponse, keepsAlive: keepsAlive, respond: respond
                ) { request in
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
    public var connectionCount: Int { received.connectionCount }

    public func shutdown() {
        server.stop()
        group.shutdown()
    }
}

/// Collects one request (head and `Content-Length` body) and answers it; with `keepsAlive`, the
/// next one after it, and so on.
public final class CannedHTTPHandler: ConnectionHandler {
    private let closesAfterResponse: Bool
    private let keepsAlive: Bool
    private let respond: @Sendable (String) -> [UInt8]?
    private let record: (String) -> Void
    private var bytes: [UInt8] = []
    private var answered = false

    init(
        closesAfterResponse: Bool, keepsAlive: Bool, respond: @escaping @Sendable (String) -> [UInt8]?,
        record: @escaping (String) -> Void
    ) {
        self.closesAfterResponse = closesAfterResponse
        self.keepsAlive = keepsAlive
        self.respond = respond
        self.record = record
    }

    public func connection(_ connection: Connection, didReceive received: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: received)
        while !answered, let request = takeRequest() {
            answered = !keepsAlive
            record(request)
            guard let response = respond(request) else {
                // Never answers: nor anything after it.
                answered = true
                return
            }
            connection.write(response)
            if closesAfterResponse {
                connection.close()
                return
            }
        }
    }

    /// The first complete request received (head and body), removed from `bytes`; nil until one is.
    private func takeRequest() -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lengthLine = text[..<headEnd.lowerBound].split(separator: "\r\n").first {
            $0.lowercased().hasPrefix("content-length:")
        }
        let length = lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        let total = text[..<headEnd.upperBound].utf8.count + length
        guard bytes.count >= total else { return nil }
        defer { bytes.removeFirst(total) }
        return String(decoding: bytes[..<total], as: UTF8.self)
    }
}
