import Central
import Foundation
import JSON
import Logging
import Store
import Transport

extension ChargerFleet {
    /// A charger completed its WebSocket upgrade. `session` (tests pass none) gives the
    /// connection's number, protocol and event loop; the session itself stays the central
    /// system's, which is the one place that knows a charger's current connection.
    public func connected(_ chargerId: String, session: ChargePointSession? = nil) {
        let now = settings.now()
        let connection: Int? = update(chargerId) { state in
            if let number = session?.connectionNumber {
                // An older connection announced late (a charger that did not wait for its first
                // upgrade's answer) does not replace the newer one.
                guard number >= state.connectionNumber else { return nil }
                state.connectionNumber = number
            }
            state.connectionCount += 1
            if state.connectionCount > 1 { state.base.reconnects += 1 }
            state.base.connected = true
            state.base.protocolVersion = session?.speaksOCPP201 == true ? "ocpp2.0.1" : "ocpp1.6"
            state.base.lastSeen = now
            state.bootedOnConnection = false
            state.lastSeenStoredAt = now
            return state.connectionCount
        }
        guard let connection else { return }
        store.recordSeen(chargerId: chargerId, at: now)
        store.recordEvent(
            ChargerEventRecord(chargerId: chargerId, kind: "Connected", payload: .object(JSONObject()), at: now))
        emit(.connected(chargerId: chargerId))
        scheduleSetupWithoutBoot(chargerId, connection: connection, loop: session?.loop)
    }

    /// A charger's connection closed. With `session`, only if it is the newest connection the
    /// fleet has seen: a charger that reconnects before the old connection is seen to close (a
    /// half-open TCP connection, or the central system replacing it, each on its own event loop)
    /// stays connected, in whatever order the two events arrive.
    public func disconnected(_ chargerId: String, session: ChargePointSession? = nil) {
        let number = session?.connectionNumber
        disconnected(chargerId, ifCurrent: { state in number.map { $0 == state.connectionNumber } ?? true })
    }

    /// A connection of the charger closed; `isCurrent` tells, under the lock, whether it is the
    /// charger's current one (only then is the charger disconnected).
    func disconnected(_ chargerId: String, ifCurrent isCurrent: (ChargerState) -> Bool) {
        let now = settings.now()
        let current = update(chargerId) { state in
            guard isCurrent(state) else { return false }
            state.base.connected = false
            return true
        }
        guard current else {
            logger.info("\(chargerId): an earlier connection closed; the charger stays connected on its new one")
            return
        }
        store.recordEvent(
            ChargerEventRecord(chargerId: chargerId, kind: "Disconnected", payload: .object(JSONObject()), at: now))
        emit(.disconnected(chargerId: chargerId))
    }

    /// Runs the set-up after the grace period unless a BootNotification came on this connection
    /// first (a charger that reconnects without rebooting sends none, and may have lost nothing,
    /// but Ampwise may have restarted and must learn its configuration again).
    ///
    /// The wait is a timer on the charger's event loop when there is one: a car park connects
    /// thousands of chargers at once, and a sleeping task per connection costs kilobytes each
    /// (measured: 43 MB for 10,000), a timer a few bytes. Without a loop (tests), a task waits.
    func scheduleSetupWithoutBoot(_ chargerId: String, connection: Int, loop: EventLoop?) {
        let grace = settings.setupGracePeriod
        guard let loop else {
            Task { [self] in
                if grace > 0 { try? await Task.sleep(for: .seconds(grace)) }
                startSetupWithoutBoot(chargerId, connection: connection)
            }
            return
        }
        loop.scheduleTimer(after: grace) { [self] in startSetupWithoutBoot(chargerId, connection: connection) }
    }

    /// Starts the set-up for a connection that is still open and still has not booted.
    private func startSetupWithoutBoot(_ chargerId: String, connection: Int) {
        let boot: Int? = update(chargerId) { state in
            guard state.connectionCount == connection, state.base.connected, !state.bootedOnConnection else {
                return nil
            }
            // Counts as this connection's boot, so that a late BootNotification starts a new set-up.
            state.bootCount += 1
            return state.bootCount
        }
        guard let boot else { return }
        logger.info(
            "\(chargerId) sent no BootNotification within \(settings.setupGracePeriod) s of connecting; "
                + "running the set-up")
        setups.enqueue { [self] in await runSetup(chargerId, boot: boot) }
    }
}
