import Glibc

/// Reads a whole certificate or key file, turning each way it can fail into the error that names
/// the setting and the file.
enum PEMFile {
    static func read(path: String, setting: String) throws(TLSConfigurationError) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .fileNotFound(setting: setting, path: path) }
            throw .fileUnreadable(setting: setting, path: path, reason: TransportError.reason(errno: code))
        }
        defer { Glibc.close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                contents.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return contents
            } else if errno != EINTR {
                throw .fileUnreadable(setting: setting, path: path, reason: TransportError.reason(errno: errno))
            }
        }
    }
}
