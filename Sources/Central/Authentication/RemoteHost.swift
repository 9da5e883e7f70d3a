import Glibc

/// Who is knocking, for `AuthenticationThrottle`: the host of a remote address without its port.
enum RemoteHost {
    /// `"203.0.113.9"` for `"203.0.113.9:53211"`; an IPv6 address stands for its /64
    /// (`"2001:db8:1:2::/64"`), because one host usually has a whole /64 and could otherwise take a
    /// fresh address for every guess. An IPv4-mapped IPv6 address is its IPv4 address.
    static func throttleKey(of remoteAddress: String) -> String {
        if remoteAddress.hasPrefix("["), let close = remoteAddress.firstIndex(of: "]") {
            let text = String(remoteAddress[remoteAddress.index(after: remoteAddress.startIndex)..<close])
            return ipv6Key(text) ?? text
        }
        guard let colon = remoteAddress.lastIndex(of: ":") else { return remoteAddress }
        return String(remoteAddress[..<colon])
    }

    private static func ipv6Key(_ text: String) -> String? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map { String($0) }.joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }
}
