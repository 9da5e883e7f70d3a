import Transport

/// Returns after `loop` ran `count` more turns (two by default): whatever a timer that was due in
/// the first resumed has run by then, so a test can check that something did not happen yet
/// without sleeping.
public func loopTurns(_ loop: EventLoop, count: Int = 2) async {
    for _ in 0..<count {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.execute { continuation.resume() }
        }
    }
}
