/// The timer of one `EventLoop.sleep(untilNanoseconds:)`, kept so that a cancelled sleep removes
/// it from the heap instead of leaving it there until its deadline. Loop-confined.
final class SleepTimer {
    var handle: TimerHandle?
}
