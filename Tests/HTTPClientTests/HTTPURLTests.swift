import HTTPClient
import Testing

@Suite struct HTTPURLTests {
    @Test(arguments: [
        (
            "http://10.0.0.7/solar_api/v1/GetPowerFlowRealtimeData.fcgi", false, "10.0.0.7", 80,
            "/solar_api/v1/GetPowerFlowRealtimeData.fcgi"
        ),
        ("https://ha.local:8123/api/states/sensor.grid", true, "ha.local", 8123, "/api/states/sensor.grid"),
        ("http://[fd00::7]:8080?a=b#frag", false, "fd00::7", 8080, "/?a=b"),
        ("HTTPS://example.com", true, "example.com", 443, "/"),
    ])
    func splitsAURL(text: String, isTLS: Bool, host: String, port: Int, target: String) throws {
        let url = try HTTPURL(text)
        #expect(url.isTLS == isTLS)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.target == target)
    }

    @Test func theHostHeaderOmitsTheSchemesPortAndBracketsIPv6() throws {
        #expect(try HTTPURL("http://meter/").hostHeader == "meter")
        #expect(try HTTPURL("http://[::1]:8080/").hostHeader == "[::1]:8080")
    }

    @Test(arguments: [
        ("ftp://x/", "must start with http:// or https://"), ("http:///x", "no host"),
        ("http://h:99999/", "the port must be a number from 1 to 65535"),
        ("http://u:p@h/", "user information is not supported"),
        ("http://h/a b", "contains white space"),
    ])
    func refusesAURLSayingWhy(text: String, reason: String) {
        #expect(throws: HTTPClientError.invalidURL(text, reason: reason)) { try HTTPURL(text) }
    }
}
