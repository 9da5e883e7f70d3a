import COpenSSL

/// OpenSSL reports failures through a per-thread error queue; this turns it into a message and
/// leaves it empty, because a stale entry would confuse the next `SSL_get_error`.
enum OpenSSLErrorQueue {
    static func clear() {
        ERR_clear_error()
    }

    /// The queued errors joined with "; " (`"wrong version number"`), or `fallback`.
    static func drain(fallback: String) -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                var buffer = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &buffer, buffer.count)
                reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        return reasons.isEmpty ? fallback : reasons.joined(separator: "; ")
    }
}
