import Foundation

/// Self-signed certificates and keys made with the `openssl` command line in a temporary folder,
/// which is removed when the value goes away.
public final class TestCertificates: Sendable {
    public let directory: String

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init() throws {
        let path = NSTemporaryDirectory() + "ampwise-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        directory = path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The path of `name` in the folder.
    public func path(_ name: String) -> String {
        directory + "/" + name
    }

    /// The key types tests use: P-256 is generated in milliseconds, RSA as most chargers expect;
    /// RSA 1024 as a key too weak to sign.
    public enum KeyType: Sendable {
        case p256, rsa2048, rsa1024

        var newKeyArguments: [String] {
            switch self {
            case .p256: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
            case .rsa2048: ["-newkey", "rsa:2048"]
            case .rsa1024: ["-newkey", "rsa:1024"]
            }
        }
    }

    /// Makes `<name>.cert.pem` (CN=localhost, one day) and `<name>.key.pem`; returns their paths.
    @discardableResult
    public func makeSelfSigned(name: String = "server", keyType: KeyType = .p256) throws -> (
        certificate: String, key: String
    ) {
        let certificate = path("\(name).cert.pem")
        let key = path("\(name).key.pem")
        try TestCertificates.openssl(
            ["req", "-x509"] + keyType.newKeyArguments + [
                "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost",
            ])
        return (certificate, key)
    }

    /// Makes a certificate authority `<name>.cert.pem` (CN = `name`, one day) and its key
    /// `<name>.key.pem`; returns their paths.
    @discardableResult
    public func makeAuthority(name: String) throws -> (certificate: String, key: String) {
        let certificate = path("\(name).cert.pem")
        let key = path("\(name).key.pem")
        try TestCertificates.openssl(
            ["req", "-x509"] + KeyType.p256.newKeyArguments + [
                "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=\(name)",
            ])
        return (certificate, key)
    }

    /// Makes `<name>.cert.pem` with subject `subject` (`/CN=CP-1`) signed by `authority` (from
    /// `makeAuthority`), valid for `days` (negative: expired), and its key `<name>.key.pem`.
    @discardableResult
    public func issue(
        name: String, subject: String, by authority: (certificate: String, key: String), days: Int = 1
    ) throws -> (certificate: String, key: String) {
        let certificate = path("\(name).cert.pem")
        let key = path("\(name).key.pem")
        let request = path("\(name).csr.pem")
        try TestCertificates.openssl(
            ["req", "-new"] + KeyType.p256.newKeyArguments + [
                "-nodes", "-keyout", key, "-out", request, "-subj", subject,
            ])
        try TestCertificates.openssl([
            "x509", "-req", "-in", request, "-CA", authority.certificate, "-CAkey", authority.key, "-set_serial",
            String(UInt32.random(in: 1...UInt32.max)), "-out", certificate, "-days", String(days),
        ])
        return (certificate, key)
    }

    /// Makes a certificate signing request `<name>.csr.pem` with subject `subject`
    /// (`/O=Example site/CN=CP-1`) and its key `<name>.key.pem`, as a charger does for
    /// SignCertificate; returns the request's PEM text.
    public func makeRequest(name: String, subject: String, keyType: KeyType = .p256) throws -> String {
        let request = path("\(name).csr.pem")
        try TestCertificates.openssl(
            ["req", "-new"] + keyType.newKeyArguments + [
                "-nodes", "-keyout", path("\(name).key.pem"), "-out", request, "-subj", subject,
            ])
        return try String(contentsOfFile: request, encoding: .utf8)
    }

    /// Makes a lone P-256 key `<name>.pem`; returns its path.
    public func makeKey(name: String) throws -> String {
        let key = path("\(name).pem")
        try TestCertificates.openssl([
            "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key,
        ])
        return key
    }

    /// Writes `contents` to `name`; returns its path.
    public func write(_ contents: String, to name: String) throws -> String {
        let file = path(name)
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) failed")
        }
    }
}
