import Foundation

/// Runs a script of the repository (`Scripts/...`) from its root, off the concurrency pool, and
/// answers its exit status and what it printed: the tests that check generated sources are up to
/// date (`generate-ocpp201.py --check`, `generate-dashboard.py --check`).
public func runRepositoryScript(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    // Tests/Support/RepositoryScript.swift: the root is three folders up.
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try await offPool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
