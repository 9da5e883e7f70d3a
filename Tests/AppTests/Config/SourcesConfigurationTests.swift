import HTTPClient
import InputSources
import Testing

@testable import App

@Suite struct SourcesConfigurationTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
            return []
        } catch {
            guard case .invalid(_, let problems) = error else { return error.lines }
            return problems.map(\.description)
        }
    }

    @Test func theSpecsHTTPExamplesAreRead() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"""
                {"sources": {
                  "inverter": { "type": "http", "url": "http://10.0.0.7/solar_api/v1/GetPowerFlowRealtimeData.fcgi",
                                "interval": 5, "inputs": { "solar.power": { "path": "Body.Data.Site.P_PV" } } },
                  "homeassistant": { "type": "http", "url": "http://ha.local:8123/api/states/sensor.grid_power",
                                "headers": { "Authorization": "Bearer TOKEN" },
                                "inputs": { "grid.power": { "path": "state", "scale": 1000 } } }
                }}
                """#, file: "ampwise.json")
        guard case .http(let inverter) = configuration.sources["inverter"],
            case .http(let homeAssistant) = configuration.sources["homeassistant"]
        else {
            Issue.record("both sources are http sources")
            return
        }
        #expect(inverter.url == (try HTTPURL("http://10.0.0.7/solar_api/v1/GetPowerFlowRealtimeData.fcgi")))
        #expect(inverter.interval == 5)
        #expect(inverter.timeout == 5)
        #expect(inverter.inputs == ["solar.power": HTTPInputSpec(path: JSONPath("Body.Data.Site.P_PV"))])
        #expect(homeAssistant.headers.map(\.name) == ["Authorization"])
        #expect(homeAssistant.inputs["grid.power"] == HTTPInputSpec(path: JSONPath("state"), scale: 1000))
    }

    @Test func everyMistakeIsNamedByItsKeyPath() {
        let found = problems(
            #"""
            {"sources": {
              "a": { "type": "http", "url": "ftp://x", "interval": 0, "colour": 1,
                     "headers": { "X-A": "1\n2", "bad name": "v" },
                     "inputs": { "grid.Power": {}, "solar.power": { "path": "a..b", "scale": 0 } } },
              "b": { "type": "bogus" },
              "c": { "type": "http", "url": "http://h/", "inputs": {} },
              "d e": { "type": "http" },
              "f": { "url": "http://h/" },
              "g": { "type": "http", "url": "http://h/", "inputs": { "input.x": { "path": "v", "unit": "W" } } }
            }}
            """#)
        #expect(
            Set(found) == [
                "sources.a.url: must start with http:// or https://",
                "sources.a.interval: expected a number from 0.1 to 86400",
                "sources.a.colour: unknown key",
                "sources.a.headers.X-A: a header value cannot hold a line break or control character",
                "sources.a.headers.bad name: not a valid header name",
                "sources.a.inputs.grid.Power: not an input name (grid.power, solar.power, solar.surplus or input.NAME with letters, digits, _ and -)",
                "sources.a.inputs.solar.power.path: not a JSON path (keys separated by dots, [N] for an array element)",
                "sources.b.type: expected \"http\" or \"mqtt\"",
                "sources.c.inputs: expected at least one input",
                "sources.d e: a source name has 1 to 64 letters, digits, \"_\", \"-\" or \".\"",
                "sources.f.type: missing (\"http\" or \"mqtt\")",
                "sources.g.inputs.input.x.unit: unknown key",
            ])
    }

    @Test func twoSourcesCannotFeedOneInput() {
        let found = problems(
            #"""
            {"sources": {
              "a": { "type": "http", "url": "http://h/", "inputs": { "grid.power": {} } },
              "b": { "type": "http", "url": "http://i/", "inputs": { "grid.power": {} } }
            }}
            """#)
        #expect(found == [#"sources.b.inputs.grid.power: already read by source "a""#])
    }

    @Test func aZeroScaleIsRefused() {
        #expect(
            problems(
                #"{"sources": {"a": {"type": "http", "url": "http://h/", "inputs": {"grid.power": {"scale": 0}}}}}"#)
                == ["sources.a.inputs.grid.power.scale: expected a number other than 0"])
    }
}
