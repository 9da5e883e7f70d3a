import Foundation
import TestSupport
import Testing

/// The committed Swift under Sources/OCPP201/Generated is what the generator makes of the schemas
/// in Tests/Fixtures/ocpp201-schemas: a change to either without rerunning it fails here.
@Suite struct OCPP201GeneratorTests {
    @Test func theGeneratedSourcesAreUpToDate() async throws {
        let (status, output) = try await runRepositoryScript(["python3", "Scripts/generate-ocpp201.py", "--check"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("is up to date (274 files)"), "\(output)")
    }
}
