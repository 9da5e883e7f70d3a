/// An `http://` or `https://` URL split into what a request needs: scheme, host, port and the
/// request target (path and query, sent as written). No user information, no fragment.
public struct HTTPURL: Sendable, Equatable, CustomStringConvertible {
    public let isTLS: Bool
    /// The host as connected to: a name, an IPv4 address, or an IPv6 address without brackets.
    public let host: String
    public let port: Int
    /// What follows the authority, `/` at least: `/api/states/sensor.grid?x=1`.
    public let target: String

    /// Parses `text`; the error says what is wrong with it.
    public init(_ text: String) throws(HTTPClientError) {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("http://") {
            isTLS = false
            rest = text.dropFirst(7)
        } else if lowered.hasPrefix("https://") {
            isTLS = true
            rest = text.dropFirst(8)
        } else {
            throw .invalidURL(text, reason: "must start with http:// or https://")
        }
        guard !text.contains(where: { $0 == " " || $0.isNewline || $0 == "\t" }) else {
            throw .invalidURL(text, reason: "contains white space")
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if !target.hasPrefix("/") { target = "/" + target }
        self.target = target
        guard !authority.contains("@") else { throw .invalidURL(text, reason: "user information is not supported") }
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidURL(text, reason: "unclosed [ in the host")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let afterClose = authority[authority.index(after: close)...]
            if !afterClose.isEmpty {
                guard afterClose.hasPrefix(":") else { throw .invalidURL(text, reason: "garbage after the host") }
                portPart = afterClose.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw .invalidURL(text, reason: "no host") }
        host = String(hostPart)
        if let portPart {
            guard let port = Int(portPart), (1...65535).contains(port), portPart.allSatisfy(\.isNumber) else {
                throw .invalidURL(text, reason: "the port must be a number from 1 to 65535")
            }
            self.port = port
        } else {
            port = isTLS ? 443 : 80
        }
    }

    /// The `Host` header: the host (in brackets if IPv6) and the port unless it is the scheme's.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }

    public var description: String { "\(isTLS ? "https" : "http")://\(hostHeader)\(target)" }
}
