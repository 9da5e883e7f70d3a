import HTTPClient
import InputSources
import Modbus
import Testing

@testable import App

@Suite struct SourcesConfigurationTests {
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
                "sources.b.type: expected one of \"http\", \"modbus\" or \"mqtt\"",
                "sources.c.inputs: expected at least one input",
                "sources.d e: a source name has 1 to 64 letters, digits, \"_\", \"-\" or \".\"",
                "sources.f.type: missing (one of \"http\", \"modbus\" or \"mqtt\")",
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

    @Test func theSpecsModbusExamplesAreRead() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"""
                {"sources": {
                  "meter":    { "type": "modbus", "host": "10.0.0.8", "port": 502, "unit": 1, "interval": 2,
                                "inputs": { "grid.power": { "sunspec": "meter.W" } } },
                  "battery":  { "type": "modbus", "host": "10.0.0.9", "unit": 3,
                                "inputs": { "input.battery": { "register": 843, "function": "input", "format": "uint16", "scale": 1 } } }
                }}
                """#, file: "ampwise.json")
        guard case .modbus(let meter) = configuration.sources["meter"],
            case .modbus(let battery) = configuration.sources["battery"]
        else {
            Issue.record("both sources are modbus sources")
            return
        }
        #expect(meter.host == "10.0.0.8" && meter.port == 502 && meter.unit == 1 && meter.interval == 2)
        #expect(meter.inputs["grid.power"] == ModbusInputSpec(reading: .sunspec(.meter, point: "W")))
        #expect(battery.port == 502 && battery.unit == 3 && battery.interval == 5)
        #expect(
            battery.inputs["input.battery"]
                == ModbusInputSpec(reading: .register(address: 843, function: .input, format: .uint16, wordOrder: .big))
        )
    }

    @Test func modbusMistakesAreNamedByTheirKeyPath() {
        let found = problems(
            #"""
            {"sources": {
              "m": { "type": "modbus", "unit": 256, "port": 0,
                     "inputs": { "grid.power": { "sunspec": "meter.Watts" }, "solar.power": { "sunspec": "pv.W" },
                                 "input.a": { "register": 1, "format": "int64" }, "input.b": {},
                                 "input.c": { "register": 1, "sunspec": "meter.W" },
                                 "input.d": { "sunspec": "meter.W", "format": "int16" },
                                 "input.e": { "register": 65535, "format": "float32", "wordOrder": "middle" } } }
            }}
            """#)
        #expect(
            Set(found) == [
                "sources.m.host: missing (the device's address or name)",
                "sources.m.unit: expected an integer from 0 to 255",
                "sources.m.port: expected an integer from 1 to 65535",
                "sources.m.inputs.grid.power.sunspec: meter has no point \"Watts\" (one of \(SunSpecDeviceKind.meter.pointNames.joined(separator: ", ")))",
                "sources.m.inputs.solar.power.sunspec: expected meter.NAME or inverter.NAME (such as \"meter.W\")",
                "sources.m.inputs.input.a.format: expected one of \"uint16\", \"int16\", \"uint32\", \"int32\" or \"float32\"",
                "sources.m.inputs.input.b: expected \"sunspec\" (such as \"meter.W\") or \"register\"",
                "sources.m.inputs.input.c: \"sunspec\" and \"register\" cannot both be given",
                "sources.m.inputs.input.d.format: only for \"register\" (a SunSpec point has its own type)",
                "sources.m.inputs.input.e.wordOrder: expected \"big\" or \"little\"",
                "sources.m.inputs.input.e.register: a float32 at 65535 runs past register 65535",
            ])
    }
}
