import Foundation

/// Runs blocking test code (a `SimulatedChargePoint`, a `TestWebSocketClient`) on a thread of its
/// own: blocking the few threads of Swift's cooperative pool would stall the code under test,
/// which needs them to answer.
public enum DedicatedThread {
    public static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try work() })
            }
        }
    }
}
