/// An incremental HTTP/1.1 response parser for the client side: append bytes as they arrive, call
/// `next()` until it returns the response, and `endOfStream()` when the server closes first.
///
/// Bodies are framed as RFC 9112 §6.3 says: none for 1xx (skipped: an interim response precedes
/// the real one), 204, 304 and answers to HEAD; `Transfer-Encoding: chunked` (chunk extensions and
/// trailer fields read and dropped); then `Content-Length`; otherwise everything until the server
/// closes. Both the header section and the body have a size cap, so a device that sends without
/// end costs bounded memory. The returned response's body is decoded (no chunk framing) and its
/// headers are as received.
public struct HTTPResponseParser: Sendable {
    /// The most bytes the status line and header fields may take.
    public let maxHeaderBytes: Int
    /// The largest body accepted, declared or received.
    public let maxBodyBytes: Int
    /// True when the request was HEAD: the response has no body whatever its headers say.
    public let isResponseToHEAD: Bool
    /// Once `next()` returned a response: whether the connection may carry the next request
    /// (RFC 9112 §9.3): the response is HTTP/1.1 without `Connection: close` (or HTTP/1.0 with
    /// `Connection: keep-alive`), its body was framed rather than read until the close, and
    /// nothing was received after it.
    public private(set) var connectionReusable = false

    private var buffer = ReceiveBuffer()
    private var head: HTTPResponse?
    private var framing = Framing.none
    private var body: [UInt8] = []
    private var failure: HTTPResponseParseError?
    /// The head being read allows the connection to stay open after its response.
    private var headKeepsConnection = false

    private enum Framing {
        case none
        case length(remaining: Int)
        case untilClose
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
    }

    /// Limits for one response; the defaults suit a meter's JSON answer.
    public init(maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024, isResponseToHEAD: Bool = false) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.isResponseToHEAD = isResponseToHEAD
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    /// The complete response, or nil when more bytes are needed. After an error, every call
    /// throws it again.
    public mutating func next() throws(HTTPResponseParseError) -> HTTPResponse? {
        if let failure { throw failure }
        do {
            return try parse()
        } catch {
            failure = error
            throw error
        }
    }

    /// The server closed the connection: the response if it is complete now (a body read until
    /// the close), else `.truncated`.
    public mutating func endOfStream() throws(HTTPResponseParseError) -> HTTPResponse {
        if let response = try next() { return response }
        guard var response = head, case .untilClose = framing else { throw .truncated }
        response.body = body
        head = nil
        connectionReusable = false
        return response
    }

    private mutating func parse() throws(HTTPResponseParseError) -> HTTPResponse? {
        while head == nil {
            guard let response = try parseHead() else { return nil }
            // An interim response (100 Continue) comes before the real one.
            if (100...199).contains(response.status.code) { continue }
            head = response
            framing = try HTTPResponseParser.framing(of: response, isResponseToHEAD: isResponseToHEAD)
            if case .length(let declared) = framing, declared > maxBodyBytes {
                throw .bodyTooLarge(limit: maxBodyBytes)
            }
        }
        while true {
            switch framing {
            case .none:
                return complete()
            case .length(let remaining):
                let left = takeBody(upTo: remaining)
                guard left == 0 else {
                    framing = .length(remaining: left)
                    return nil
                }
                framing = .none
            case .untilClose:
                body.append(contentsOf: buffer[0..<buffer.count])
                buffer.consume(buffer.count)
                guard body.count <= maxBodyBytes else { throw .bodyTooLarge(limit: maxBodyBytes) }
                return nil
            case .chunkSize:
                guard let line = try takeLine(limit: 1024) else { return nil }
                let size = try HTTPResponseParser.chunkSize(line)
                guard size <= maxBodyBytes - body.count else { throw .bodyTooLarge(limit: maxBodyBytes) }
                framing = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let left = takeBody(upTo: remaining)
                guard left == 0 else {
                    framing = .chunkData(remaining: left)
                    return nil
                }
                framing = .chunkDataEnd
            case .chunkDataEnd:
                guard let line = try takeLine(limit: 2) else { return nil }
                guard line.isEmpty else { throw .malformed("chunk data longer than its size") }
                framing = .chunkSize
            case .trailers:
                guard let line = try takeLine(limit: maxHeaderBytes) else { return nil }
                if line.isEmpty { framing = .none }
            }
        }
    }

    /// Moves up to `remaining` received bytes into the body; returns how many are still to come.
    private mutating func takeBody(upTo remaining: Int) -> Int {
        let count = min(remaining, buffer.count)
        body.append(contentsOf: buffer[0..<count])
        buffer.consume(count)
        return remaining - count
    }

    private mutating func complete() -> HTTPResponse? {
        guard var response = head else { return nil }
        response.body = body
        head = nil
        body = []
        connectionReusable = headKeepsConnection && buffer.count == 0
        return response
    }

    /// The status line and header fields, once the empty line after them has arrived.
    private mutating func parseHead() throws(HTTPResponseParseError) -> HTTPResponse? {
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(8)
        var offset = 0
        while true {
            guard let lineEnd = findLineFeed(from: offset) else {
                guard buffer.count <= maxHeaderBytes else { throw .headerSectionTooLarge(limit: maxHeaderBytes) }
                return nil
            }
            guard lineEnd < maxHeaderBytes else { throw .headerSectionTooLarge(limit: maxHeaderBytes) }
            var line = buffer[offset..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            offset = lineEnd + 1
            if line.isEmpty {
                guard !lines.isEmpty else { throw .malformed("empty status line") }
                break
            }
            lines.append(line)
        }
        let status = try HTTPResponseParser.parseStatusLine(lines[0])
        var headers = HTTPHeaders()
        headers.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            do {
                let (name, value) = try HTTPRequestParser.parseFieldLine(line)
                headers.add(name: name, value: value)
            } catch {
                throw .malformed(error.message)
            }
        }
        buffer.consume(offset)
        headKeepsConnection =
            lines[0].starts(with: "HTTP/1.1".utf8)
            ? !headers.containsToken("close", in: "Connection") : headers.containsToken("keep-alive", in: "Connection")
        return HTTPResponse(status: status, headers: headers)
    }

    private func findLineFeed(from offset: Int) -> Int? {
        var index = offset
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }

    /// One line of the chunked framing without its line ending, consumed; nil until it is whole.
    private mutating func takeLine(limit: Int) throws(HTTPResponseParseError) -> ArraySlice<UInt8>? {
        guard let lineEnd = findLineFeed(from: 0) else {
            guard buffer.count <= limit + 1 else { throw .malformed("chunk framing line too long") }
            return nil
        }
        var line = buffer[0..<lineEnd]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard line.count <= limit else { throw .malformed("chunk framing line too long") }
        buffer.consume(lineEnd + 1)
        return line
    }

    /// `HTTP/1.1 200 OK`: the version must be HTTP/1.x, the code three digits, the reason free.
    /// Read from the bytes: only the reason becomes a string.
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) throws(HTTPResponseParseError) -> HTTPStatus {
        let version = line.prefix(8)
        guard version.elementsEqual("HTTP/1.1".utf8) || version.elementsEqual("HTTP/1.0".utf8),
            line.dropFirst(8).first == ASCII.space
        else {
            throw .malformed("not an HTTP/1.x status line")
        }
        let rest = line.dropFirst(9)
        let codeEnd = rest.firstIndex(of: ASCII.space) ?? rest.endIndex
        let digits = rest[..<codeEnd]
        guard digits.count == 3, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .malformed("invalid status code")
        }
        let code = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let reason = codeEnd == rest.endIndex ? "" : String(decoding: rest[(codeEnd + 1)...], as: UTF8.self)
        return HTTPStatus(code: code, reasonPhrase: reason)
    }

    private static func framing(
        of response: HTTPResponse, isResponseToHEAD: Bool
    ) throws(HTTPResponseParseError) -> Framing {
        let code = response.status.code
        if isResponseToHEAD || code == 204 || code == 304 { return .none }
        let codings = response.headers.listElements(for: "Transfer-Encoding")
        if !codings.isEmpty {
            // RFC 9112 §6.3: chunked must be the last coding; Transfer-Encoding overrides Content-Length.
            guard codings.last?.lowercased() == "chunked" else { return .untilClose }
            guard codings.count == 1 else { throw .malformed("Transfer-Encoding \(codings.joined(separator: ", "))") }
            return .chunkSize
        }
        // RFC 9110 §8.6: a list of the same length repeated is that length.
        let lengths = response.headers.listElements(for: "Content-Length")
        guard let length = lengths.first else { return .untilClose }
        guard lengths.allSatisfy({ $0 == length }), length.utf8.count <= 15, length.allSatisfy(isASCIIDigit),
            let value = Int(length)
        else { throw .malformed("invalid Content-Length") }
        return value == 0 ? .none : .length(remaining: value)
    }

    /// The hexadecimal size at the start of a chunk-size line (extensions after `;` ignored).
    private static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPResponseParseError) -> Int {
        let text = String(decoding: line, as: UTF8.self)
        var digits = text.prefix { $0 != ";" }
        while digits.last == " " || digits.last == "\t" { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy(\.isHexDigit), let size = Int(digits, radix: 16)
        else {
            throw .malformed("invalid chunk size")
        }
        return size
    }

    private static func isASCIIDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }
}
