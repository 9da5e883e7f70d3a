import Central
import Foundation

extension ChargerFleet {
    /// A charger completed its WebSocket upgrade (`session` gives its latency; tests pass none).
    public func connected(_ chargerId: String, session: ChargePointSession? = nil) {
        let now = settings.now()
        let connection = update(chargerId) { state in
            state.connectionCount += 1
            if state.connectionCount > 1 { state.base.reconnects += 1 }
            state.base.connected = true
            state.base.lastSeen = now
            state.session = session
            state.bootedOnConnection = false
            state.lastSeenStoredAt = now
            return state.connectionCount
        }
        store.recordSeen(chargerId: chargerId, at: now)
        store.recordEvent(
            ChargerEventRecord(chargerId: chargerId, kind: "Connected", payload: .object(JSONObject()), at: now))
        emit(.connected(chargerId: chargerId))
        scheduleSetupWithoutBoot(chargerId, connection: connection)
    }

    /// A charger's connection closed.
    public func disconnected(_ chargerId: String) {
        let now = settings.now()
        update(chargerId) { state in
            state.base.connected = false
            state.session = nil
        }
        store.recordEvent(
            ChargerEventRecord(chargerId: chargerId, kind: "Disconnected", payload: .object(JSONObject()), at: now))
        emit(.disconnected(chargerId: chargerId))
    }

    /// Runs the set-up after the grace period unless a BootNotification came on this connection
    /// first (a charger that reconnects without rebooting sends none, and may have lost nothing,
    /// but Ampwise may have restarted and must learn its configuration again).
    func scheduleSetupWithoutBoot(_ chargerId: String, connection: Int) {
        let grace = settings.setupGracePeriod
        Task { [self] in
            if grace > 0 { try? await Task.sleep(for: .seconds(grace)) }
            let boot: Int? = update(chargerId) { state in
                guard state.connectionCount == connection, state.base.connected, !state.bootedOnConnection else {
                    return nil
                }
                // Counts as this connection's boot, so that a late BootNotification starts a new set-up.
                state.bootCount += 1
                return state.bootCount
            }
            guard let boot else { return }
            logger.info("\(chargerId) sent no BootNotification within \(grace) s of connecting; running the set-up")
            await runSetup(chargerId, boot: boot)
        }
    }
}
