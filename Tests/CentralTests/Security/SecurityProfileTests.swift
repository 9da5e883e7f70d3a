import Central
import TestSupport
import Testing
import Transport

/// SPEC §13: a connection below its charger's security profile is refused at the upgrade (401);
/// profile 3 takes only a verified certificate whose subject CN is the charger id.
@Suite struct SecurityProfileTests {
    private static let certificate = PeerCertificate(subjectCommonNames: ["CP-3"])

    @Test func profilesZeroAndOneAskNothingOfTheTransport() {
        for profile in [SecurityProfile.unsecured, .basicAuthentication] {
            #expect(profile.refusal(of: "CP-3", overTLS: false, certificate: nil) == nil)
        }
    }

    @Test func profileTwoNeedsTLS() {
        let profile = SecurityProfile.basicAuthenticationOverTLS
        #expect(profile.refusal(of: "CP-3", overTLS: false, certificate: nil) == .needsTLS(profile))
        #expect(profile.refusal(of: "CP-3", overTLS: true, certificate: nil) == nil)
    }

    @Test func profileThreeNeedsTLSAndTheChargersOwnCertificate() {
        let profile = SecurityProfile.clientCertificate
        #expect(profile.refusal(of: "CP-3", overTLS: true, certificate: Self.certificate) == nil)
        #expect(profile.refusal(of: "CP-3", overTLS: false, certificate: nil) == .needsTLS(profile))
        #expect(profile.refusal(of: "CP-3", overTLS: true, certificate: nil) == .needsClientCertificate)
        #expect(
            profile.refusal(of: "CP-4", overTLS: true, certificate: Self.certificate)
                == .commonNameMismatch(["CP-3"]))
        // CNs compare exactly: a charger id is case-sensitive in the URL.
        #expect(
            profile.refusal(of: "cp-3", overTLS: true, certificate: Self.certificate)
                == .commonNameMismatch(["CP-3"]))
        let twoNames = PeerCertificate(subjectCommonNames: ["CP-3", "CP-4"])
        #expect(
            profile.refusal(of: "CP-3", overTLS: true, certificate: twoNames)
                == .commonNameMismatch(["CP-3", "CP-4"]))
    }

    @Test func theDefaultProfileIsOneWithAPasswordElseZero() {
        #expect(ChargerAccess(password: "0123456789abcdef").securityProfile == .basicAuthentication)
        #expect(ChargerAccess().securityProfile == .unsecured)
    }

    /// Over plain ws a profile-2 charger is refused with 401 before its password is looked at (so
    /// the failed-login throttle does not count it), and each attempt is counted by reason.
    @Test func aProfileTwoChargerOverPlainWebSocketIsRefusedAndCounted() async throws {
        let running = try RunningCentralSystem { _ in
            ChargerAccess(password: "0123456789abcdef", securityProfile: .basicAuthenticationOverTLS)
        }
        let port = running.port
        let headers = [TestWebSocketClient.basicAuthorization(user: "garage", password: "0123456789abcdef")]
        for _ in 0..<2 {
            let response = try await DedicatedThread.run {
                try TestWebSocketClient.upgradeResponse(port: port, path: "/ocpp/garage", headers: headers)
            }
            #expect(response.statusCode == 401)
            #expect(response.bodyText.contains("security profile 2 needs TLS"))
        }
        #expect(running.central.metrics.securityProfileRefusals == ["tls_required": 2])
        #expect(running.central.metrics.failedLogins == 0)
    }
}
