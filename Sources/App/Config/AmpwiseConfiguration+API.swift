extension AmpwiseConfiguration {
    /// `api`: the HTTP API.
    public struct API: Sendable, Equatable {
        public var host = "127.0.0.1"
        public var port = 9080
        /// The bearer token every request must carry; `nil`: no authentication.
        public var token: String?

        public init() {}
    }
}
