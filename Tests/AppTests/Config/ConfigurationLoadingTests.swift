import Foundation
import Testing

@testable import App

@Suite struct ConfigurationLoadingTests {
    /// A fresh folder under the system's temporary folder, removed by the caller.
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ampwise-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func noFileAtTheDefaultPathGivesTheDefaults() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try AmpwiseConfiguration.load(
            path: nil, defaultFile: folder.appendingPathComponent("ampwise.json").path)
        #expect(configuration == AmpwiseConfiguration())
    }

    @Test func aFileAtTheDefaultPathIsRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ampwise.json")
        try Data(#"{"central": {"port": 9100}}"#.utf8).write(to: file)
        #expect(try AmpwiseConfiguration.load(path: nil, defaultFile: file.path).central.port == 9100)
        #expect(try AmpwiseConfiguration.load(path: file.path).central.port == 9100)
    }

    @Test func aMissingFileGivenWithConfigIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("missing.json").path
        #expect(throws: ConfigurationError.unreadable(file: file, reason: "No such file or directory")) {
            try AmpwiseConfiguration.load(path: file)
        }
        #expect(
            ConfigurationError.unreadable(file: file, reason: "No such file or directory").lines
                == ["\(file): cannot read the configuration file: No such file or directory"])
    }

    @Test func aFolderGivenWithConfigIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ConfigurationError.unreadable(file: folder.path, reason: "Is a directory")) {
            try AmpwiseConfiguration.load(path: folder.path)
        }
    }

    @Test func errorsNameTheFileThatWasRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("site.json")
        try Data("{\n  \"api\": {\"port\": 0}\n,}".utf8).write(to: file)
        #expect(
            throws: ConfigurationError.invalidJSON(
                file: file.path, line: 3, column: 2, message: "expected a string key")
        ) {
            try AmpwiseConfiguration.load(path: file.path)
        }
    }
}
