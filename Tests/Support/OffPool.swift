import Foundation

/// Runs blocking or long synchronous work on a thread of its own, off the Swift concurrency pool
/// that other tests' tasks (a server's request tasks, say) need: with two cores the pool has two
/// threads, and a test that held one for seconds made servers in other tests time out. (Not a
/// global Dispatch queue: with few cores it adds a thread only about once a second while its
/// workers block, which made parallel tests wait on each other.)
public func offPool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
