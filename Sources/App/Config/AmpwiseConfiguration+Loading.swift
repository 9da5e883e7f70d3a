import Foundation
import Logging

extension AmpwiseConfiguration {
    /// Loads the configuration for a command.
    ///
    /// `path` is the `--config` value: that file must exist. With `nil`, `ampwise.json` in the
    /// working directory is read if it is there, and the defaults are used if it is not.
    /// `defaultFile` is for tests, which cannot change the working directory safely.
    public static func load(
        path: String?, defaultFile: String = defaultPath
    ) throws(ConfigurationError) -> AmpwiseConfiguration {
        let file = path ?? defaultFile
        if path == nil && !FileManager.default.fileExists(atPath: file) { return AmpwiseConfiguration() }
        let bytes = try readFile(file)
        return try AmpwiseConfiguration(jsonBytes: bytes, file: file)
    }

    private static func readFile(_ file: String) throws(ConfigurationError) -> [UInt8] {
        // fopen and errno rather than Foundation, for the system's own wording of the reason
        // ("No such file or directory", "Permission denied", "Is a directory").
        guard let stream = fopen(file, "rb") else {
            throw .unreadable(file: file, reason: String(cString: strerror(errno)))
        }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stream) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count {
                if ferror(stream) != 0 { throw .unreadable(file: file, reason: String(cString: strerror(errno))) }
                return bytes
            }
        }
    }

    /// The configuration with the command-line flags that override the file applied: `--rules`,
    /// `--db` and `--log-level` (each `nil` when not given).
    public func overriding(rules: String?, database: String?, logLevel: LogLevel?) -> AmpwiseConfiguration {
        var result = self
        if let rules { result.rules = rules }
        if let database { result.database = database }
        if let logLevel { result.logLevel = logLevel }
        return result
    }
}
