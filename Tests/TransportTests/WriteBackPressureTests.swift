import Testing
import Transport

@testable import Transport

@Suite struct WriteBackPressureTests {
    @Test func pausesAboveTheHighWatermarkAndResumesOnlyBelowTheLowOne() {
        var gate = WriteBackPressure(highWatermark: 100, lowWatermark: 40)
        #expect(gate.queuedBytesChanged(to: 100) == nil)
        #expect(gate.queuedBytesChanged(to: 101) == .pauseReading)
        #expect(gate.isReadingPaused)
        #expect(gate.queuedBytesChanged(to: 500) == nil)
        #expect(gate.queuedBytesChanged(to: 60) == nil)
        #expect(gate.queuedBytesChanged(to: 40) == nil)
        #expect(gate.isReadingPaused)
        #expect(gate.queuedBytesChanged(to: 39) == .resumeReading)
        #expect(!gate.isReadingPaused)
        #expect(gate.queuedBytesChanged(to: 0) == nil)
    }
}
