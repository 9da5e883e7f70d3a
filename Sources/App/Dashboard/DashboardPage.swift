import Foundation
import HTTP

/// The dashboard's document with its validator, computed once.
struct DashboardPage: Sendable {
    let body: [UInt8]
    /// A strong ETag (RFC 9110 §8.8.3): the FNV-1a hash of the bytes, which change with the page.
    let etag: String

    init(html: String) {
        body = Array(html.utf8)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        etag = "\"" + String(hash, radix: 16) + "\""
    }

    /// 200 with the page, or 304 when the client's `If-None-Match` names this version.
    func response(to request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders([
            ("ETag", etag), ("Cache-Control", "no-cache"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'"
            ),
        ])
        if Self.matches(request.headers["If-None-Match"], etag: etag) {
            return HTTPResponse(status: HTTPStatus(code: 304, reasonPhrase: "Not Modified"), headers: headers)
        }
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        return HTTPResponse(status: .ok, headers: headers, body: body)
    }

    /// `If-None-Match: "a", "b"` or `*` (RFC 9110 §13.1.2, weak comparison).
    static func matches(_ header: String?, etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
