import Foundation
import TestSupport
import Testing
import Transport

@testable import Transport

@Suite struct TLSContextTests {
    @Test func loadsAMatchingCertificateAndKey() throws {
        let files = try TestCertificates()
        let (certificate, key) = try files.makeSelfSigned()
        let context = try TLSContext(
            configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        #expect(context.configuration.certificateChainPath == certificate)
    }

    @Test func aMissingCertificateFileIsNamed() throws {
        let files = try TestCertificates()
        let (_, key) = try files.makeSelfSigned()
        let missing = files.path("missing.pem")
        #expect(throws: TLSConfigurationError.fileNotFound(setting: "central.tls.certificate", path: missing)) {
            _ = try TLSContext(configuration: TLSConfiguration(certificateChainPath: missing, privateKeyPath: key))
        }
        #expect(
            "\(TLSConfigurationError.fileNotFound(setting: "central.tls.certificate", path: missing))"
                == "central.tls.certificate: \(missing): no such file")
    }

    @Test func aMissingKeyFileIsNamed() throws {
        let files = try TestCertificates()
        let (certificate, _) = try files.makeSelfSigned()
        let missing = files.path("nokey.pem")
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(
                configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: missing))
        }
        #expect(error?.description == "central.tls.privateKey: \(missing): no such file")
    }

    @Test func aFileThatCannotBeReadIsNamedWithTheReason() throws {
        let files = try TestCertificates()
        let (certificate, _) = try files.makeSelfSigned()
        let directory = files.path("keys")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(
                configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: directory))
        }
        #expect(error?.description == "central.tls.privateKey: \(directory): cannot read the file: is a directory")
    }

    // Root reads any file whatever its mode, so this case can only be shown as another user.
    @Test(.enabled(if: getuid() != 0)) func aFileWithoutReadPermissionIsNamedWithTheReason() throws {
        let files = try TestCertificates()
        let (certificate, key) = try files.makeSelfSigned()
        chmod(key, 0o000)
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        }
        #expect(error?.description == "central.tls.privateKey: \(key): cannot read the file: permission denied")
    }

    @Test func aFileWithoutACertificateIsNamed() throws {
        let files = try TestCertificates()
        let (_, key) = try files.makeSelfSigned()
        let garbage = try files.write("this is not a certificate\n", to: "garbage.pem")
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(
                configuration: TLSConfiguration(
                    certificateChainPath: garbage, privateKeyPath: key, certificateSetting: "tls.cert"))
        }
        #expect(error?.description == "tls.cert: \(garbage): no PEM certificate in the file")
    }

    @Test func aKeyFileWithoutAKeyIsNamed() throws {
        let files = try TestCertificates()
        let (certificate, _) = try files.makeSelfSigned()
        // A certificate where the key should be: PEM, but not a key.
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(
                configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: certificate))
        }
        #expect(
            error?.description
                == "central.tls.privateKey: \(certificate): no PEM private key in the file (or the key is encrypted)")
    }

    @Test func aKeyThatDoesNotMatchTheCertificateIsNamed() throws {
        let files = try TestCertificates()
        let (certificate, _) = try files.makeSelfSigned()
        let otherKey = try files.makeKey(name: "other")
        let error = #expect(throws: TLSConfigurationError.self) {
            _ = try TLSContext(
                configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: otherKey))
        }
        #expect(error == .keyMismatch(setting: "central.tls.privateKey", path: otherKey))
        #expect(error?.description == "central.tls.privateKey: \(otherKey): the key does not match the certificate")
    }
}
