extension SchedulingEngine {
    /// Registers `observer`, called after each decision change is recorded, each input update and
    /// each tariff push; from the engine's task, so it must return at once.
    public nonisolated func observeEvents(_ observer: @escaping @Sendable (EngineEvent) -> Void) {
        eventObservers.withLock { $0.append(EngineEventObserver(observer)) }
    }

    /// Tells every observer, outside the lock.
    nonisolated func emit(_ event: EngineEvent) {
        let observers = eventObservers.withLock { $0 }
        for observer in observers { observer.notify(event) }
    }
}
