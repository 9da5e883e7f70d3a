import HTTP
import HTTPClient

/// A checked `type: "http"` entry of `sources` (docs/sources.md).
public struct HTTPSourceConfiguration: Sendable, Equatable {
    public var url: HTTPURL
    /// Sent with every request (`Authorization: Bearer …`).
    public var headers: [HTTPHeaders.Field]
    /// Seconds between polls (default 5).
    public var interval: Double
    /// Seconds a poll may take (default: the interval, at least 5 and at most 10: a device on a
    /// busy Wi-Fi may take a second to answer however often it is asked).
    public var timeout: Double
    /// A PEM file of certificates trusted for `https://` instead of the system's store.
    public var trustedCertificatesPath: String?
    /// By input name.
    public var inputs: [String: HTTPInputSpec]

    public init(
        url: HTTPURL, headers: [HTTPHeaders.Field] = [], interval: Double = 5, timeout: Double? = nil,
        trustedCertificatesPath: String? = nil, inputs: [String: HTTPInputSpec]
    ) {
        self.url = url
        self.headers = headers
        self.interval = interval
        self.timeout = timeout ?? HTTPSourceConfiguration.defaultTimeout(interval: interval)
        self.trustedCertificatesPath = trustedCertificatesPath
        self.inputs = inputs
    }

    /// The interval, at least 5 s and at most 10 s.
    public static func defaultTimeout(interval: Double) -> Double {
        min(max(interval, 5), 10)
    }
}
