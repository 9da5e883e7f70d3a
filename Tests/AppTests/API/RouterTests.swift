import Testing

@testable import App

@Suite struct RouterTests {
    @Test func anUnknownPathIs404() async {
        let response = await APIHarness().request("GET", "/api/nothing")
        #expect(response.status == .notFound)
        #expect(response.text == #"{"error":"no such endpoint: GET /api/nothing"}"#)
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async {
        let response = await APIHarness().request("DELETE", "/api/inputs")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "PUT, GET")
        #expect(response.text == #"{"error":"DELETE is not allowed on /api/inputs"}"#)
    }

    @Test func aTrailingSlashIsTheSamePath() async {
        #expect(await APIHarness().request("GET", "/api/health/").status == .ok)
    }

    @Test func withATokenEveryRequestNeedsIt() async {
        let api = APIHarness(token: "s3cret")
        let missing = await api.request("GET", "/api/health")
        #expect(missing.status == .unauthorized)
        #expect(missing.text == #"{"error":"missing or wrong bearer token"}"#)
        #expect(missing.headers["WWW-Authenticate"] == #"Bearer realm="ampwise""#)
        let wrong = await api.request("GET", "/metrics", headers: [("Authorization", "Bearer s3cres")])
        #expect(wrong.status == .unauthorized)
        let longer = await api.request("GET", "/api/health", headers: [("Authorization", "Bearer s3cret2")])
        #expect(longer.status == .unauthorized)
        let basic = await api.request("GET", "/api/health", headers: [("Authorization", "Basic s3cret")])
        #expect(basic.status == .unauthorized)
        let right = await api.request("GET", "/api/health", headers: [("authorization", "Bearer s3cret")])
        #expect(right.status == .ok)
    }

    /// RFC 7235 §2.1: the scheme is case-insensitive; `bearer` was refused with 401.
    @Test(arguments: ["bearer s3cret", "BEARER s3cret", "Bearer  s3cret", "bEaReR s3cret"])
    func theBearerSchemeIsMatchedInAnyCase(header: String) async {
        let api = APIHarness(token: "s3cret")
        let response = await api.request("GET", "/api/health", headers: [("Authorization", header)])
        #expect(response.status == .ok)
    }

    @Test(arguments: ["bearer s3cre", "bearer S3CRET", "bearers3cret", "Bearer", "Bearer ", "Basic s3cret"])
    func theTokenItselfMustMatchExactly(header: String) async {
        let api = APIHarness(token: "s3cret")
        let response = await api.request("GET", "/api/health", headers: [("Authorization", header)])
        #expect(response.status == .unauthorized)
    }

    /// RFC 9112 §3.2: an HTTP/1.1 request without Host, or with two, is answered 400.
    @Test func anHTTP11RequestWithoutOneHostIs400() async {
        let api = APIHarness()
        let missing = await api.request("GET", "/api/health", host: nil)
        #expect(missing.status == .badRequest)
        #expect(missing.text == #"{"error":"Host: an HTTP/1.1 request needs a Host header"}"#)
        let twice = await api.request("GET", "/api/health", headers: [("Host", "other")])
        #expect(twice.status == .badRequest)
        #expect(twice.text == #"{"error":"Host: the request has 2 Host headers; one is allowed"}"#)
        let invalid = await api.request("GET", "/api/health", host: "a b")
        #expect(invalid.status == .badRequest)
        #expect(await api.request("GET", "/api/health", host: "[::1]:9080").status == .ok)
    }

    @Test func withoutATokenNoHeaderIsNeeded() async {
        #expect(await APIHarness().request("GET", "/api/health").status == .ok)
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.53", "localhost", "::1"])
    func loopbackHostsNeedNoWarning(host: String) {
        #expect(APIServer.isLoopback(host))
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10"])
    func otherHostsAreNotLoopback(host: String) {
        #expect(!APIServer.isLoopback(host))
    }
}
