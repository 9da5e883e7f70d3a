import Foundation
import HTTP
import TestSupport
import Testing

@testable import App

/// `GET /`: the page compiled in, its validator, and its place outside the token.
@Suite struct DashboardPageTests {
    let api = APIHarness()

    func router(token: String?) -> APIRouter {
        APIRouter(
            routes: APIEndpoints.routes(api.dependencies), token: token, publicRoutes: DashboardEndpoints().routes)
    }

    @Test func thePageIsServedWithoutTheTokenWhileTheAPIStillNeedsIt() async throws {
        let router = router(token: "secret")
        let page = await router.respond(to: try Self.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(page.status.code == 200)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(String(decoding: page.body, as: UTF8.self).contains("<title>Ampwise</title>"))
        let health = await router.respond(to: try Self.request("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(health.status.code == 401)
    }

    @Test func anUnchangedPageIsA304AndAChangedOneHasAnotherETag() async throws {
        let router = router(token: nil)
        let page = await router.respond(to: try Self.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        let etag = try #require(page.headers["ETag"])
        #expect(page.headers["Cache-Control"] == "no-cache")
        let again = await router.respond(
            to: try Self.request("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n"))
        #expect(again.status.code == 304)
        #expect(again.body.isEmpty)
        #expect(DashboardPage(html: "<p>other</p>").etag != etag)
    }

    @Test func theGeneratedPageIsWhatTheGeneratorMakesOfDashboard() async throws {
        let (status, output) = try await runRepositoryScript(["python3", "Scripts/generate-dashboard.py", "--check"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("is up to date"), "\(output)")
    }

    static func request(_ text: String) throws -> HTTPRequest {
        var parser = HTTPRequestParser()
        parser.append(Array(text.utf8))
        return try #require(try parser.next())
    }
}
