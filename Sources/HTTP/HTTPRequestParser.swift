/// An incremental HTTP/1.1 request parser: append bytes as they arrive, then take complete requests with
/// `next()` until it returns nil. Several requests sent back to back come out one by one.
///
/// Bodies are read by `Content-Length` only. A request with `Transfer-Encoding` (chunked or any other
/// coding) is refused with 501: no charger and no API client of Ampwise needs it, and refusing it
/// removes the request smuggling risks of mixing the two framings.
///
/// Lines may end with a bare LF as well as CRLF (RFC 9112 §2.2 lets a recipient accept a single LF
/// as a line terminator), so that a client that sends `\n` gets an answer rather than silence; a
/// bare CR is still an error.
///
/// The parser does not answer `Expect: 100-continue`; a caller that wants to can look at the header.
/// After an error every further `next()` throws the same error: the stream has lost its framing and the
/// connection must be closed after sending `error.response`.
public struct HTTPRequestParser: Sendable {
    /// The most bytes the request line and header fields may take, final empty line included (431 above).
    public let maxHeaderBytes: Int
    /// The largest `Content-Length` accepted (413 above).
    public let maxBodyBytes: Int

    private var buffer = ReceiveBuffer()
    /// Where the search for the end of the header section resumes (an offset into the unread
    /// bytes), so a slow client costs linear time.
    private var scanOffset = 0
    private var pendingHead: HTTPRequest?
    private var pendingBodyLength = 0
    private var failure: HTTPParseError?

    /// A parser for one connection. The defaults (8 KiB of header section, 1 MiB of body) suit both the
    /// WebSocket upgrade and the JSON API.
    public init(maxHeaderBytes: Int = 8 * 1024, maxBodyBytes: Int = 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// The number of received bytes that no returned request has consumed yet.
    public var bufferedByteCount: Int { buffer.count }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    /// The next complete request, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try parseNext()
        } catch {
            failure = error
            throw error
        }
    }

    /// The head of the next request while its body is still arriving (after `next()` returned nil),
    /// so that a server can answer `Expect: 100-continue` before the client sends the body.
    public var headAwaitingBody: HTTPRequest? { pendingHead }

    /// Removes and returns the bytes received after the last returned request. After a WebSocket upgrade
    /// these are the first frame bytes of the client, which belong to the frame decoder.
    public mutating func takeBufferedBytes() -> [UInt8] {
        scanOffset = 0
        pendingHead = nil
        pendingBodyLength = 0
        return buffer.takeAll()
    }

    private mutating func parseNext() throws(HTTPParseError) -> HTTPRequest? {
        if pendingHead == nil {
            // RFC 9112 §2.2: a server should ignore empty lines received before a request line.
            var emptyLines = 0
            while emptyLines < buffer.count, buffer[emptyLines] == ASCII.cr || buffer[emptyLines] == ASCII.lf {
                emptyLines += 1
            }
            buffer.consume(emptyLines)
            scanOffset = max(0, scanOffset - emptyLines)
            guard let (headEnd, bodyStart) = findEndOfHeaderSection() else {
                if buffer.count > maxHeaderBytes { throw .headerSectionTooLarge(limit: maxHeaderBytes) }
                scanOffset = max(0, buffer.count - 2)
                return nil
            }
            if bodyStart > maxHeaderBytes { throw .headerSectionTooLarge(limit: maxHeaderBytes) }
            // The head includes the line ending of its last field line so every line ends the same way.
            let head = try HTTPRequestParser.parseHead(buffer[0..<headEnd])
            buffer.consume(bodyStart)
            scanOffset = 0
            let length = try HTTPRequestParser.bodyLength(of: head.headers)
            if length > maxBodyBytes { throw .bodyTooLarge(declared: length, limit: maxBodyBytes) }
            pendingHead = head
            pendingBodyLength = length
        }
        guard buffer.count >= pendingBodyLength, var request = pendingHead else { return nil }
        pendingHead = nil
        if pendingBodyLength > 0 {
            request.body = Array(buffer[0..<pendingBodyLength])
            buffer.consume(pendingBodyLength)
        }
        return request
    }

    /// Where the header section ends, as offsets into the unread bytes: `headEnd` just after the
    /// LF that ends its last line, and `bodyStart` after the empty line that follows (`\r\n` or a
    /// bare `\n`). Searched from `scanOffset`, so that a slow client costs linear time.
    private func findEndOfHeaderSection() -> (headEnd: Int, bodyStart: Int)? {
        buffer.withUnreadBytes { bytes in
            var index = scanOffset
            while index + 1 < bytes.count {
                if bytes[index] == ASCII.lf {
                    if bytes[index + 1] == ASCII.lf { return (index + 1, index + 2) }
                    if bytes[index + 1] == ASCII.cr {
                        guard index + 2 < bytes.count else { return nil }
                        if bytes[index + 2] == ASCII.lf { return (index + 1, index + 3) }
                    }
                }
                index += 1
            }
            return nil
        }
    }

    private static func parseHead(_ head: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPRequest {
        var lines: [Range<Int>] = []
        var lineStart = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            switch head[index] {
            case ASCII.cr:
                guard index + 1 < head.endIndex, head[index + 1] == ASCII.lf else { throw .malformed("bare CR") }
                lines.append(lineStart..<index)
                index += 2
                lineStart = index
            case ASCII.lf:
                lines.append(lineStart..<index)
                index += 1
                lineStart = index
            default:
                index += 1
            }
        }
        guard let requestLine = lines.first else { throw .malformed("missing request line") }
        let (method, target, version) = try parseRequestLine(head[requestLine])
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let (name, value) = try parseFieldLine(head[line])
            headers.add(name: name, value: value)
        }
        let (path, segments, query) = try parseTarget(target)
        let keepAlive =
            version == .http11
            ? !headers.containsToken("close", in: "Connection")
            : headers.containsToken("keep-alive", in: "Connection")
        return HTTPRequest(
            method: method, target: target, path: path, pathSegments: segments, queryItems: query,
            version: version, headers: headers, body: [], keepAlive: keepAlive)
    }

    private static func parseRequestLine(
        _ line: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> (String, String, HTTPVersion) {
        guard let firstSpace = line.firstIndex(of: ASCII.space),
            let secondSpace = line[(firstSpace + 1)...].firstIndex(of: ASCII.space)
        else { throw .malformed("request line is not METHOD SP TARGET SP VERSION") }
        let method = line[..<firstSpace]
        let target = line[(firstSpace + 1)..<secondSpace]
        let version = line[(secondSpace + 1)...]
        guard !method.isEmpty, method.allSatisfy(ASCII.isTokenCharacter) else { throw .malformed("invalid method") }
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .malformed("invalid request target")
        }
        return (
            String(decoding: method, as: UTF8.self), String(decoding: target, as: UTF8.self),
            try parseVersion(version)
        )
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = String(decoding: bytes, as: UTF8.self)
        let digits = Array(bytes.dropFirst(5))
        guard bytes.count == 8, text.hasPrefix("HTTP/"), digits[1] == UInt8(ascii: "."),
            ASCII.isDigit(digits[0]), ASCII.isDigit(digits[2])
        else { throw .malformed("invalid HTTP version") }
        let version = HTTPVersion(major: Int(digits[0] - ASCII.zero), minor: Int(digits[2] - ASCII.zero))
        guard version == .http11 || version == .http10 else { throw .unsupportedVersion(text) }
        return version
    }

    /// One header field line (no line ending) as name and trimmed value; the response parser reads
    /// field lines the same way.
    static func parseFieldLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, String) {
        guard let first = line.first, first != ASCII.space, first != ASCII.tab else {
            throw .malformed("obsolete line folding")
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else { throw .malformed("header line without a colon") }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(ASCII.isTokenCharacter) else {
            throw .malformed("invalid header name")
        }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == ASCII.space || byte == ASCII.tab { value.removeFirst() }
        while let byte = value.last, byte == ASCII.space || byte == ASCII.tab { value.removeLast() }
        let nameText = String(decoding: name, as: UTF8.self)
        guard value.allSatisfy({ $0 == ASCII.tab || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .malformed("control character in header \(nameText)")
        }
        return (nameText, String(decoding: value, as: UTF8.self))
    }

    private static func parseTarget(
        _ target: String
    ) throws(HTTPParseError) -> (String, [String], [HTTPQueryItem]) {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if rest == "*" { return ("*", [], []) }
        if !rest.hasPrefix("/") {
            // Absolute form (`http://host/path`), which RFC 9112 §3.2.2 says a server must accept.
            guard let schemeEnd = rest.range(of: "://") else { throw .malformed("invalid request target") }
            let authorityAndPath = rest[schemeEnd.upperBound...]
            if let pathStart = authorityAndPath.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = authorityAndPath[pathStart...]
                if rest.hasPrefix("?") { rest = "/" + rest }
            } else {
                rest = "/"
            }
        }
        var path = rest
        var query: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            path = rest[..<question]
            query = rest[rest.index(after: question)...]
        }
        var segments: [String] = []
        if path != "/" {
            for raw in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                guard let segment = PercentDecoding.decode(raw, plusIsSpace: false) else {
                    throw .malformed("invalid percent-encoding in path")
                }
                segments.append(segment)
            }
        }
        var items: [HTTPQueryItem] = []
        for pair in query.split(separator: "&") {
            let name: Substring
            let value: Substring
            if let equals = pair.firstIndex(of: "=") {
                name = pair[..<equals]
                value = pair[pair.index(after: equals)...]
            } else {
                name = pair
                value = ""
            }
            guard let decodedName = PercentDecoding.decode(name, plusIsSpace: true),
                let decodedValue = PercentDecoding.decode(value, plusIsSpace: true)
            else { throw .malformed("invalid percent-encoding in query") }
            items.append(HTTPQueryItem(name: decodedName, value: decodedValue))
        }
        return (String(path), segments, items)
    }

    private static func bodyLength(of headers: HTTPHeaders) throws(HTTPParseError) -> Int {
        if let coding = headers["Transfer-Encoding"] { throw .transferEncodingNotImplemented(coding) }
        var length: Int?
        for element in headers.listElements(for: "Content-Length") {
            guard element.utf8.count <= 15, element.utf8.allSatisfy(ASCII.isDigit), let value = Int(element) else {
                throw .malformed("invalid Content-Length")
            }
            if let length, length != value { throw .malformed("conflicting Content-Length values") }
            length = value
        }
        return length ?? 0
    }
}
