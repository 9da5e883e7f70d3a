import COpenSSL
import Foundation
import TestSupport
import Testing
import Transport

@testable import Transport

/// The CA of `central.tls.ca` (docs/security.md, "The certificate authority"): what it checks in
/// a charger's certificate signing request, and the certificate it makes.
@Suite struct CertificateAuthorityTests {
    private static let chargerSubject = "/O=Example site/CN=CP-1"

    private static func authority(_ files: TestCertificates) throws -> (CertificateAuthority, String) {
        let (certificate, key) = try files.makeAuthority(name: "chargers-ca")
        return (try CertificateAuthority(certificatePath: certificate, privateKeyPath: key), certificate)
    }

    /// Every certificate in `pem`, in order; the caller frees them.
    private static func certificates(_ pem: String) -> [OpaquePointer] {
        PEMCertificates.parse(Array(pem.utf8))
    }

    @Test func aGoodRequestBecomesAClientCertificateForTheChargerSignedByTheAuthority() throws {
        let files = try TestCertificates()
        let (authority, caPath) = try Self.authority(files)
        let request = try files.makeRequest(name: "cp-1", subject: Self.chargerSubject)
        let issued = try authority.sign(csr: request, for: "CP-1")

        let chain = Self.certificates(issued.chainPEM)
        defer { chain.forEach { X509_free($0) } }
        try #require(chain.count == 2)
        let ca = try #require(Self.certificates(try String(contentsOfFile: caPath, encoding: .utf8)).first)
        defer { X509_free(ca) }
        // The leaf then the CA's certificate, which signed the leaf.
        #expect(X509_cmp(chain[1], ca) == 0)
        #expect(X509_verify(chain[0], X509_get0_pubkey(ca)) == 1)
        #expect(PeerCertificate(reading: chain[0]).subjectCommonNames == ["CP-1"])
        // A client certificate, not a CA, for TLS client authentication only.
        #expect(X509_check_ca(chain[0]) == 0)
        #expect(X509_get_extended_key_usage(chain[0]) & UInt32(XKU_SSL_CLIENT) != 0)
        #expect(X509_get_extended_key_usage(chain[0]) & UInt32(XKU_SSL_SERVER) == 0)
        // Valid from now (give or take clock skew) for a year, or until the CA ends, whichever is first.
        let caEnd = try #require(CertificateAuthority.date(X509_get0_notAfter(ca)))
        #expect(issued.notAfter == caEnd)
        let notBefore = try #require(CertificateAuthority.date(X509_get0_notBefore(chain[0])))
        #expect(abs(notBefore.timeIntervalSinceNow + 300) < 60)
        #expect(!issued.serialNumber.isEmpty)
    }

    @Test func aLongLivedAuthoritySignsForAYear() throws {
        let files = try TestCertificates()
        let key = try files.makeKey(name: "long-ca.key")
        let certificate = files.path("long-ca.cert.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-key", key, "-out", certificate, "-days", "3650", "-subj", "/CN=Long CA",
        ]
        try process.run()
        process.waitUntilExit()
        let authority = try CertificateAuthority(certificatePath: certificate, privateKeyPath: key)
        let issued = try authority.sign(
            csr: try files.makeRequest(name: "cp-1", subject: Self.chargerSubject), for: "CP-1")
        let days = issued.notAfter.timeIntervalSinceNow / 86_400
        #expect(abs(days - Double(CertificateAuthority.validityDays)) < 1)
    }

    @Test func everyCertificateGetsItsOwnRandomSerialNumber() throws {
        let files = try TestCertificates()
        let (authority, _) = try Self.authority(files)
        let request = try files.makeRequest(name: "cp-1", subject: Self.chargerSubject)
        let serials = try (0..<3).map { _ in try authority.sign(csr: request, for: "CP-1").serialNumber }
        #expect(Set(serials).count == 3)
    }

    @Test(arguments: [
        ("/O=Example site/CN=CP-2", CertificateSigningRefusal.commonNameMismatch(found: ["CP-2"], chargerId: "CP-1")),
        ("/O=Example site", .commonNameMismatch(found: [], chargerId: "CP-1")),
        ("/O=Example site/CN=CP-1/CN=CP-2", .commonNameMismatch(found: ["CP-1", "CP-2"], chargerId: "CP-1")),
        ("/CN=CP-1", .noOrganization),
    ])
    func aSubjectThatDoesNotNameTheChargerIsRefused(subject: String, refusal: CertificateSigningRefusal) throws {
        let files = try TestCertificates()
        let (authority, _) = try Self.authority(files)
        let request = try files.makeRequest(name: "cp", subject: subject)
        #expect(throws: refusal) { try authority.sign(csr: request, for: "CP-1") }
    }

    @Test func aWeakKeyIsRefused() throws {
        let files = try TestCertificates()
        let (authority, _) = try Self.authority(files)
        let request = try files.makeRequest(name: "cp-1", subject: Self.chargerSubject, keyType: .rsa1024)
        #expect(throws: CertificateSigningRefusal.weakKey("1024-bit RSA or DSA key, at least 2048 bits needed")) {
            try authority.sign(csr: request, for: "CP-1")
        }
    }

    @Test func aRequestWhoseSignatureDoesNotVerifyIsRefused() throws {
        let files = try TestCertificates()
        let (authority, _) = try Self.authority(files)
        let request = try files.makeRequest(name: "cp-1", subject: Self.chargerSubject)
        // The signature is the request's last bytes: change one and the request stays well formed.
        let lines = request.split(separator: "\n").map(String.init)
        var der = try #require(Data(base64Encoded: lines.dropFirst().dropLast().joined()))
        der[der.count - 1] ^= 0x01
        let tampered =
            "-----BEGIN CERTIFICATE REQUEST-----\n" + der.base64EncodedString(options: .lineLength64Characters)
            + "\n-----END CERTIFICATE REQUEST-----\n"
        #expect(throws: CertificateSigningRefusal.badSignature) { try authority.sign(csr: tampered, for: "CP-1") }
    }

    @Test func textThatIsNoRequestIsRefused() throws {
        let files = try TestCertificates()
        let (authority, caPath) = try Self.authority(files)
        #expect(throws: CertificateSigningRefusal.notARequest) { try authority.sign(csr: "hello", for: "CP-1") }
        let certificate = try String(contentsOfFile: caPath, encoding: .utf8)
        #expect(throws: CertificateSigningRefusal.notARequest) { try authority.sign(csr: certificate, for: "CP-1") }
    }

    @Test func aCertificateThatIsNoAuthorityIsRefusedAtStartNamingTheKey() throws {
        let files = try TestCertificates()
        let authority = try files.makeAuthority(name: "chargers-ca")
        let leaf = try files.issue(name: "cp-1", subject: "/CN=CP-1", by: authority)
        #expect(
            throws: TLSConfigurationError.notACertificateAuthority(
                setting: "central.tls.ca.certificate", path: leaf.certificate)
        ) {
            try CertificateAuthority(certificatePath: leaf.certificate, privateKeyPath: leaf.key)
        }
    }

    @Test func anotherKeyIsRefusedAtStartNamingTheKey() throws {
        let files = try TestCertificates()
        let authority = try files.makeAuthority(name: "chargers-ca")
        let otherKey = try files.makeKey(name: "other")
        #expect(throws: TLSConfigurationError.keyMismatch(setting: "central.tls.ca.privateKey", path: otherKey)) {
            try CertificateAuthority(certificatePath: authority.certificate, privateKeyPath: otherKey)
        }
        let missing = files.path("missing.pem")
        #expect(throws: TLSConfigurationError.fileNotFound(setting: "central.tls.ca.privateKey", path: missing)) {
            try CertificateAuthority(certificatePath: authority.certificate, privateKeyPath: missing)
        }
    }
}
