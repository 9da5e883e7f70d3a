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
