import Foundation
import Rules

/// Reads rule files from disk for `check`, `serve` and `plan`.
enum RuleFiles {
    /// The `*.rules` files directly in `folder` (not its subfolders: `rules/examples/` holds
    /// examples a user copies up), sorted so diagnostics come in a stable order.
    static func servedSources(in folder: String) throws(RuleFileError) -> [RuleSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleFileError(
                path: folder, reason: "no such folder (the rules folder: \"rules\" in the configuration, or --rules)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw RuleFileError(path: folder, reason: "cannot list the folder")
        }
        return try names.filter { $0.hasSuffix(".rules") }.sorted().map { name throws(RuleFileError) in
            try read(join(folder, name))
        }
    }

    /// The files named, and the `*.rules` files directly in each folder named, as `serve` loads
    /// them: `ampwise check rules/` after copying an example up must not also read
    /// `rules/examples/`, where the same rule names would clash.
    static func checkedSources(at paths: [String]) throws(RuleFileError) -> [RuleSource] {
        var sources: [RuleSource] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RuleFileError(path: path, reason: "no such file or folder")
            }
            sources += isDirectory.boolValue ? try servedSources(in: path) : [try read(path)]
        }
        return sources
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func read(_ path: String) throws(RuleFileError) -> RuleSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleFileError(path: path, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(path: path, reason: "not UTF-8 text")
        }
        return RuleSource(path: path, text: text)
    }
}
