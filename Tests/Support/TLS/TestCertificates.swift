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

    /// Makes `<name>.cert.pem` (CN=localhost, one day) and `<name>.key.pem`; returns their paths.
    @discardableResult
    public func makeSelfSigned(name: String = "server") throws -> (certificate: String, key: String) {
        let certificate = path("\(name).cert.pem")
        let key = path("\(name).key.pem")
        try TestCertificates.openssl([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        ])
        return (certificate, key)
    }

    /// Makes a lone RSA key `<name>.pem`; returns its path.
    public func makeKey(name: String) throws -> String {
        let key = path("\(name).pem")
        try TestCertificates.openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key])
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
