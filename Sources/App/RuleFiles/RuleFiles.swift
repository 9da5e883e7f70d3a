import Foundation
import Rules

/// Reads rule files from disk for `check`, `serve` and `plan`.
enum RuleFiles {
    /// The `*.rules` files directly in `folder` (not its subfolders: `rules/examples/` holds
    /// examples a user copies up), sorted so diagnostics come in a stable order.
    static func servedSources(in folder: String) throws(RuleFileError) -> [RuleSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleFileError(path: folder, reason: "no such folder")
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

    /// Every `*.rules` file named or found (recursively) under the given paths.
    static func checkedSources(at paths: [String]) throws(RuleFileError) -> [RuleSource] {
        var sources: [RuleSource] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw RuleFileError(path: path, reason: "no such file or folder")
            }
            if !isDirectory.boolValue {
                sources.append(try read(path))
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw RuleFileError(path: path, reason: "cannot list the folder")
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".rules") { found.append(relative) }
            }
            for relative in found.sorted() { sources.append(try read(join(path, relative))) }
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
