/// Decides when a connection stops and resumes reading from the number of bytes waiting to be
/// written, with hysteresis between the two watermarks so it does not flap.
struct WriteBackPressure {
    let highWatermark: Int
    let lowWatermark: Int
    private(set) var isReadingPaused = false

    enum Change: Equatable {
        case pauseReading
        case resumeReading
    }

    init(highWatermark: Int, lowWatermark: Int) {
        self.highWatermark = highWatermark
        self.lowWatermark = min(lowWatermark, highWatermark)
    }

    /// Call whenever the queued byte count changed; returns what the connection must do.
    mutating func queuedBytesChanged(to queuedBytes: Int) -> Change? {
        if !isReadingPaused && queuedBytes > highWatermark {
            isReadingPaused = true
            return .pauseReading
        }
        if isReadingPaused && queuedBytes < lowWatermark {
            isReadingPaused = false
            return .resumeReading
        }
        return nil
    }
}
