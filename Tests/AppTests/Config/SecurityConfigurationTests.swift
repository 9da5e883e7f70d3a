import Central
import Testing

@testable import App

/// `chargers.ID.securityProfile`, `central.tls.port` and `central.tls.clientCA` (docs/security.md).
@Suite struct SecurityConfigurationTests {
    private static let tls = #""tls": {"certificate": "c.pem", "privateKey": "k.pem""#

    @Test func theSettingsAreRead() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: """
                {"central": {"port": 9000, \(Self.tls), "clientCA": "ca.pem", "port": 9443}},
                 "chargers": {"garage": {"securityProfile": 3}, "carport": {"password": "0123456789abcdef"}}}
                """, file: "ampwise.json")
        #expect(configuration.central.tls?.clientCA == "ca.pem")
        #expect(configuration.central.tls?.port == 9443)
        #expect(configuration.chargers["garage"]?.securityProfile == .clientCertificate)
        #expect(configuration.chargers["carport"]?.securityProfile == nil)
    }

    @Test func eachChargerGetsItsProfileOrTheDefault() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: """
                {"chargers": {"garage": {"securityProfile": 0, "password": "0123456789abcdef"},
                              "carport": {"password": "0123456789abcdef"}}}
                """, file: "ampwise.json")
        let central = try configuration.centralConfiguration()
        #expect(central.tlsPort == nil)
        #expect(central.access("garage")?.securityProfile == .unsecured)
        #expect(central.access("carport")?.securityProfile == .basicAuthentication)
        #expect(central.access("anyone")?.securityProfile == .unsecured)
    }

    @Test(arguments: [
        (
            #"{"chargers": {"g": {"securityProfile": 4}}}"#,
            "chargers.g.securityProfile: expected an integer from 0 to 3"
        ),
        (
            #"{"chargers": {"g": {"securityProfile": 1}}}"#,
            "chargers.g.securityProfile: 1 needs the charger's password (HTTP Basic auth); set \"password\""
        ),
        (
            #"{"chargers": {"g": {"securityProfile": 2, "password": "0123456789abcdef"}}}"#,
            "chargers.g.securityProfile: 2 needs TLS; set central.tls"
        ),
        (
            #"{"central": {\#(tls)}}, "chargers": {"g": {"securityProfile": 3}}}"#,
            "chargers.g.securityProfile: 3 needs the CAs that sign the chargers' certificates; set central.tls.clientCA"
        ),
        (
            #"{"central": {"port": 9000, \#(tls), "port": 9000}}}"#,
            "central.tls.port: 9000 is central.port too: ws:// and wss:// need a port each"
        ),
    ])
    func aProfileItsSettingsCannotMeetIsAnError(text: String, problem: String) {
        #expect(problems(text) == [problem])
    }
}
