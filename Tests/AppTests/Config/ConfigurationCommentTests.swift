import Foundation
import Testing

@testable import App

@Suite struct ConfigurationCommentTests {
    /// The repository's root, from this file's path (Tests/AppTests/Config/...).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func linesThatStartWithTwoSlashesAreComments() throws {
        let text = """
            // a comment
            {
              // "api": { "port": 1 },
                 // indented, and with a "quote
              "database": "http://not-a-comment//x.sqlite"
            }
            """
        let configuration = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
        #expect(configuration.database == "http://not-a-comment//x.sqlite")
        #expect(configuration.api.port == 9080)
    }

    @Test func anErrorAfterCommentsKeepsItsLineAndColumn() {
        let text = "// one\n// two\n{\n  \"api\": {\"port\": 0}\n,}"
        #expect(
            throws: ConfigurationError.invalidJSON(file: "a.json", line: 5, column: 2, message: "expected a string key")
        ) {
            try AmpwiseConfiguration(jsonText: text, file: "a.json")
        }
    }

    @Test func aSlashAfterAValueIsNotAComment() {
        #expect(throws: ConfigurationError.self) {
            try AmpwiseConfiguration(jsonText: #"{"database": "a.sqlite" // trailing"# + "\n}", file: "a.json")
        }
    }

    @Test func theInstalledDefaultConfigurationLoadsWithItsPathsUnderEtcAndVarLib() throws {
        let file = Self.repository.appendingPathComponent("Packaging/ampwise.json").path
        let configuration = try AmpwiseConfiguration.load(path: file)
        var expected = AmpwiseConfiguration()
        expected.database = "/var/lib/ampwise/ampwise.sqlite"
        expected.rules = "/etc/ampwise/rules"
        #expect(configuration == expected)
    }
}
