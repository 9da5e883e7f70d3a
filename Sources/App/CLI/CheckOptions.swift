/// `ampwise check`'s arguments; `paths` empty: the configured rules folder.
public struct CheckOptions: Sendable, Hashable {
    public var paths: [String]
    public var configPath: String?

    public init(paths: [String] = [], configPath: String? = nil) {
        self.paths = paths
        self.configPath = configPath
    }
}
