import HTTP
import HTTPClient
import InputSources
import TestSupport
import Testing

@Suite struct HTTPSourceTests {
    @Test func readsHomeAssistantsStateWithItsTokenAndScale() async throws {
        let server = try CannedHTTPServer { request in
            guard request.contains("\r\nAuthorization: Bearer TOKEN\r\n") else {
                return Array("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".utf8)
            }
            let body = #"{"entity_id":"sensor.grid_power","state":"1.5","attributes":{"unit_of_measurement":"kW"}}"#
            return Array(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    .utf8)
        }
        defer { server.shutdown() }
        let url = try HTTPURL("http://127.0.0.1:\(server.port)/api/states/sensor.grid_power")
        let inputs = ["grid.power": HTTPInputSpec(path: JSONPath("state"), scale: 1000)]
        let client = HTTPClient(group: server.group)
        let source = HTTPSource(
            name: "homeassistant",
            configuration: HTTPSourceConfiguration(
                url: url, headers: [HTTPHeaders.Field(name: "Authorization", value: "Bearer TOKEN")], inputs: inputs),
            client: client)
        #expect(try await source.poll() == ["grid.power": 1500])
        let withoutToken = HTTPSource(
            name: "homeassistant", configuration: HTTPSourceConfiguration(url: url, inputs: inputs), client: client)
        await #expect(throws: SourceError("HTTP 401 Unauthorized")) { try await withoutToken.poll() }
    }

    @Test func pollsOverOneKeptConnection() async throws {
        let server = try CannedHTTPServer(keepsAlive: true) { _ in
            Array("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n{\"power\":-50}".utf8)
        }
        defer { server.shutdown() }
        let source = HTTPSource(
            name: "meter",
            configuration: HTTPSourceConfiguration(
                url: try HTTPURL("http://127.0.0.1:\(server.port)/status"),
                inputs: ["grid.power": HTTPInputSpec(path: JSONPath("power"))]),
            client: HTTPClient(group: server.group))
        for _ in 0..<3 {
            #expect(try await source.poll() == ["grid.power": -50])
        }
        #expect(server.connectionCount == 1)
    }

    @Test func aBodyWithoutPathIsTheNumber() throws {
        #expect(
            try HTTPSource.values(of: Array(" 1234.5\n".utf8), inputs: ["solar.power": HTTPInputSpec()]) == [
                "solar.power": 1234.5
            ])
        #expect(
            try HTTPSource.values(of: Array("\"-3\"".utf8), inputs: ["solar.power": HTTPInputSpec(scale: -1)]) == [
                "solar.power": 3
            ])
        #expect(throws: SourceError("the answer is not a number (no path given for solar.power)")) {
            try HTTPSource.values(of: Array("<html>".utf8), inputs: ["solar.power": HTTPInputSpec()])
        }
    }

    @Test func anAnswerThatIsNotJSONSaysSo() {
        #expect(throws: SourceError.self) {
            try HTTPSource.values(of: Array("<html>".utf8), inputs: ["solar.power": HTTPInputSpec(path: JSONPath("a"))])
        }
    }
}
