import Central
import Testing

@testable import App

/// `central.protocols` (SPEC §12, docs/ocpp201.md): the subprotocols accepted, in order of preference.
@Suite struct ProtocolsConfigurationTests {
    @Test func bothVersionsAreAcceptedByDefaultWith16First() throws {
        let configuration = try AmpwiseConfiguration(jsonText: "{}", file: "ampwise.json")
        #expect(configuration.central.protocols == ["ocpp1.6", "ocpp2.0.1"])
        #expect(try configuration.centralConfiguration().protocols == ["ocpp1.6", "ocpp2.0.1"])
    }

    @Test func theListIsTakenInItsOrder() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"{"central": {"protocols": ["ocpp2.0.1", "ocpp1.6"]}}"#, file: "ampwise.json")
        #expect(configuration.central.protocols == ["ocpp2.0.1", "ocpp1.6"])
    }

    @Test(arguments: [
        (
            #"{"central": {"protocols": []}}"#,
            "central.protocols: expected a non-empty array of subprotocols (\"ocpp1.6\" or \"ocpp2.0.1\")"
        ),
        (
            #"{"central": {"protocols": "ocpp1.6"}}"#,
            "central.protocols: expected a non-empty array of subprotocols (\"ocpp1.6\" or \"ocpp2.0.1\")"
        ),
        (
            #"{"central": {"protocols": ["ocpp1.6", "ocpp2.1"]}}"#,
            "central.protocols[1]: expected \"ocpp1.6\" or \"ocpp2.0.1\""
        ),
        (#"{"central": {"protocols": ["ocpp1.6", "ocpp1.6"]}}"#, "central.protocols[1]: ocpp1.6 is listed twice"),
    ])
    func aBadListNamesTheItem(text: String, problem: String) {
        do {
            _ = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
            Issue.record("loaded")
        } catch {
            guard case .invalid(_, let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.map(\.description) == [problem])
        }
    }
}
