import Foundation
import JSON
import OCPP
import OCPP201
import Store
import TestSupport
import Testing
import Transport

@testable import ChargePointManagement

/// SignCertificate from a charger (1.6 security extension and 2.0.1) with `central.tls.ca`
/// (docs/security.md, "The certificate authority"): answered, recorded, signed, and the chain sent
/// back with CertificateSigned.
@Suite(.timeLimit(.minutes(1))) struct CertificateSigningTests {
    private static func fixture(
        _ files: TestCertificates, caller: FakeChargePointCaller
    ) throws -> (FleetFixture, CertificateAuthority) {
        let (certificate, key) = try files.makeAuthority(name: "chargers-ca")
        let authority = try CertificateAuthority(certificatePath: certificate, privateKeyPath: key)
        return (try FleetFixture(caller: caller, certificateAuthority: authority), authority)
    }

    @Test func withoutACertificateAuthorityTheRequestIsRejectedAndRecorded() async throws {
        let caller = FakeChargePointCaller()
        let fixture = try FleetFixture(caller: caller)
        let reply = await fixture.send(.signCertificate(OCPP.SignCertificateRequest(csr: "CSR")))
        #expect(reply == .confirm(SignCertificateConfirmation(status: .rejected).jsonObject))
        #expect(try await fixture.store.events(chargerId: "CP1").map(\.kind) == ["SignCertificate"])
        #expect(caller.calls.isEmpty)
    }

    @Test func aGoodRequestIsAcceptedAndItsChainSentWithCertificateSigned() async throws {
        let files = try TestCertificates()
        let caller = FakeChargePointCaller()
        let (fixture, authority) = try Self.fixture(files, caller: caller)
        let csr = try files.makeRequest(name: "cp1", subject: "/O=Example site/CN=CP1")
        let reply = await fixture.send(.signCertificate(OCPP.SignCertificateRequest(csr: csr)))
        #expect(reply == .confirm(SignCertificateConfirmation(status: .accepted).jsonObject))
        await caller.waitForCalls(1)
        let call = try #require(caller.calls.first)
        #expect(call.chargerId == "CP1")
        #expect(call.action == "CertificateSigned")
        let chain = try #require(call.payload["certificateChain"]?.stringValue)
        #expect(chain.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3)
        #expect(chain.hasSuffix(authority.certificatePEM))
        #expect(try await fixture.store.events(chargerId: "CP1").map(\.kind) == ["SignCertificate"])
    }

    @Test func aRequestForAnotherChargerIsRejectedWithItsReasonRecorded() async throws {
        let files = try TestCertificates()
        let caller = FakeChargePointCaller()
        let (fixture, _) = try Self.fixture(files, caller: caller)
        let csr = try files.makeRequest(name: "cp2", subject: "/O=Example site/CN=CP2")
        let reply = await fixture.send(.signCertificate(OCPP.SignCertificateRequest(csr: csr)))
        #expect(reply == .confirm(SignCertificateConfirmation(status: .rejected).jsonObject))
        let refusal = try #require(
            try await fixture.store.events(chargerId: "CP1").first { $0.kind == "CertificateSigningRefused" })
        #expect(
            refusal.payload["reason"]
                == .string("the subject's commonName (CN) is CP2, not the charger id CP1"))
        #expect(caller.calls.isEmpty)
    }

    @Test func aStationsChargingStationCertificateIsSignedAndSentWithItsType() async throws {
        let files = try TestCertificates()
        let caller = FakeChargePointCaller()
        // The dispatcher checks what it sends against the schema of the version the station speaks.
        caller.setSpeaksOCPP201(["CS1"])
        let (fixture, _) = try Self.fixture(files, caller: caller)
        let csr = try files.makeRequest(name: "cs1", subject: "/O=Example site/CN=CS1")
        let reply = await fixture.send(
            ocpp201: .signCertificate(
                OCPP201.SignCertificateRequest(csr: csr, certificateType: .chargingStationCertificate)))
        #expect(reply == .confirm(OCPP201.SignCertificateResponse(status: .accepted).jsonObject))
        await caller.waitForCalls(1)
        let call = try #require(caller.calls.first)
        #expect(call.action == "CertificateSigned")
        #expect(call.payload["certificateType"] == .string("ChargingStationCertificate"))
    }

    @Test func aStationsV2GCertificateIsRejected() async throws {
        let files = try TestCertificates()
        let caller = FakeChargePointCaller()
        let (fixture, _) = try Self.fixture(files, caller: caller)
        let csr = try files.makeRequest(name: "cs1", subject: "/O=Example site/CN=CS1")
        let reply = await fixture.send(
            ocpp201: .signCertificate(OCPP201.SignCertificateRequest(csr: csr, certificateType: .v2gCertificate)))
        #expect(reply == .confirm(OCPP201.SignCertificateResponse(status: .rejected).jsonObject))
        #expect(caller.calls.isEmpty)
    }

    @Test func logAndSignedFirmwareNotificationsAreAcknowledgedAndRecorded() async throws {
        let fixture = try FleetFixture()
        let log = await fixture.send(
            .logStatusNotification(OCPP.LogStatusNotificationRequest(status: .uploaded, requestId: 7)))
        let firmware = await fixture.send(
            .signedFirmwareStatusNotification(
                SignedFirmwareStatusNotificationRequest(status: .signatureVerified, requestId: 11)))
        #expect([log, firmware] == [.confirm(JSONObject()), .confirm(JSONObject())])
        let kinds = try await fixture.store.events(chargerId: "CP1").map(\.kind)
        #expect(Set(kinds) == ["LogStatusNotification", "SignedFirmwareStatusNotification"])
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(snapshot.diagnosticsStatus == "Uploaded")
        #expect(snapshot.firmwareStatus == "SignatureVerified")
    }
}
