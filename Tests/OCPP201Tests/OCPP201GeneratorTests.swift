import Foundation
import TestSupport
import Testing

/// The committed Swift under Sources/OCPP201/Generated is what the generator makes of the schemas
/// in Tests/Fixtures/ocpp201-schemas: a change to either without rerunning it fails here.
@Suite struct OCPP201GeneratorTests {
    @Test func theGeneratedSourcesAreUpToDate() async throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (status, output) = try await offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "Scripts/generate-ocpp201.py", "--check"]
            process.currentDirectoryURL = root
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        #expect(status == 0, "\(output)")
        #expect(output.contains("is up to date (274 files)"), "\(output)")
    }
}
