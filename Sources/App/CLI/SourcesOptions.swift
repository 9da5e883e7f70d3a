/// `ampwise sources`'s arguments.
public struct SourcesOptions: Sendable, Hashable {
    public var configPath: String?

    public init(configPath: String? = nil) {
        self.configPath = configPath
    }
}
