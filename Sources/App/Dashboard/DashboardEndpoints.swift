import HTTP

/// `GET /`: the dashboard (docs/dashboard.md), one HTML document with its CSS and JavaScript
/// inside, compiled into the binary (`Dashboard/` in the repository, turned into Swift by
/// `Scripts/generate-dashboard.py`). Served without the API token: the page asks for it.
///
/// Revalidated with its ETag on every load (`Cache-Control: no-cache`), so a new version of
/// Ampwise shows its new page at once and an unchanged page costs a 304.
struct DashboardEndpoints: Sendable {
    static let page = DashboardPage(html: DashboardAssets.indexHTML)

    var routes: [APIRoute] {
        [
            APIRoute("GET", "/") { request in Self.page.response(to: request.http) },
            APIRoute("GET", "/index.html") { request in Self.page.response(to: request.http) },
        ]
    }
}
