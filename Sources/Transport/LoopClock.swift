/// What an event loop's timers count: `MonotonicClock` in the server. A test gives the loops of
/// an `EventLoopGroup` a clock that moves only when the test says so, so that a 0.2 s timeout
/// fires when the test advances the clock past it, never earlier and never late under load.
///
/// A loop reads such a clock once per turn, after waking: in that turn, timers fire and new ones
/// count from that one reading. A test that saw a loop's work (a frame arrived) and then
/// advances the clock therefore moves it past every timer that work scheduled, even one
/// scheduled just after the frame was written; and a timer scheduled by one that fires is never
/// due at once because the clock moved during the turn (advancing wakes the loop for a new turn).
public protocol LoopClock: AnyObject, Sendable {
    /// Nanoseconds since an arbitrary fixed point; only differences are meaningful.
    func nanoseconds() -> UInt64
    /// Called once by each loop counting on this clock: call `wake` after moving the time on, so
    /// that the loop looks at its timers again.
    func attach(wake: @escaping @Sendable () -> Void)
    /// Called on a loop when it schedules a timer due at `deadline`, so that a test can wait for
    /// a timer to exist before moving the time past it.
    func didSchedule(deadline: UInt64)
}
