import Central
import ChargingModel
import Foundation
import Store

/// What `ChargerFleet` keeps about one charger, behind its lock.
struct ChargerState: Sendable {
    /// The identity, status and configuration; `connectors` and latency are filled in on reading.
    var base: ChargerSnapshot
    var connectors: [Int: ConnectorTracking] = [:]
    /// The number of the newest connection seen (`ChargePointSession.connectionNumber`): a close
    /// of an older one is not a disconnection.
    var connectionNumber: UInt64 = 0
    /// Counts connections since start-up: the first is not a reconnection.
    var connectionCount = 0
    /// Counts BootNotifications since start-up: a set-up only continues while it is current.
    var bootCount = 0
    /// Whether the current connection has sent a BootNotification (else the set-up runs after a
    /// grace period).
    var bootedOnConnection = false
    /// Transactions stopped lately: their late meter values are expected, not unknown.
    var recentlyStopped: [Int] = []
    /// When `lastSeen` was last written to the store (it is written at most once a minute).
    var lastSeenStoredAt: Date?
    /// OCPP 2.0.1 NotifyReports still arriving, by request id.
    var deviceModelReports: [Int: DeviceModelReport] = [:]
    /// OCPP 2.0.1 RequestStartTransactions whose TransactionEvent has not come yet (also from
    /// before a restart: `restore`), oldest first (a station that refused one never sends it: the
    /// oldest go first).
    var remoteStarts: [PendingRemoteStart] = []

    static let recentlyStoppedLimit = 32
    static let deviceModelReportLimit = 4
    static let remoteStartLimit = 16
    /// How long a RequestStartTransaction waits for the TransactionEvent that names it: a day, so
    /// that a station that went offline after accepting it and sends its queued events later is
    /// still tied to it (docs/ocpp201.md, "Transactions").
    static let remoteStartExpiry: TimeInterval = 24 * 3600

    init(id: String) {
        base = ChargerSnapshot(id: id)
    }

    /// The snapshot at `now`; the latency is the central system's, measured by its pings.
    func snapshot(at now: Date, latency: Double?) -> ChargerSnapshot {
        var result = base
        result.latencyMilliseconds = base.connected ? latency : nil
        result.connectors = connectors.keys.sorted().filter { $0 > 0 }.compactMap { connectors[$0]?.snapshot(at: now) }
        return result
    }

    /// The connector with this id, created on first mention.
    subscript(connector id: Int) -> ConnectorTracking {
        get { connectors[id] ?? ConnectorTracking(id: id) }
        set { connectors[id] = newValue }
    }

    /// The connector whose open transaction has this id.
    func connectorId(ofTransaction transactionId: Int) -> Int? {
        connectors.first { $0.value.tracker?.transactionId == transactionId }?.key
    }

    mutating func noteStopped(_ transactionId: Int) {
        recentlyStopped.append(transactionId)
        if recentlyStopped.count > Self.recentlyStoppedLimit { recentlyStopped.removeFirst() }
    }

    mutating func noteRemoteStart(_ remoteStart: PendingRemoteStart) {
        remoteStarts.append(remoteStart)
        if remoteStarts.count > Self.remoteStartLimit { remoteStarts.removeFirst() }
    }

    /// The RequestStartTransaction with this `remoteStartId`, no longer pending once taken; nil
    /// when it is unknown or older than `remoteStartExpiry` at `now`.
    mutating func takeRemoteStart(_ remoteStartId: Int, at now: Date) -> PendingRemoteStart? {
        guard let index = remoteStarts.firstIndex(where: { $0.remoteStartId == remoteStartId }) else { return nil }
        let remoteStart = remoteStarts.remove(at: index)
        return now.timeIntervalSince(remoteStart.requestedAt) <= Self.remoteStartExpiry ? remoteStart : nil
    }

    /// Makes sure connectors 1...count exist, so that a connector that never reported is listed.
    mutating func ensureConnectors(_ count: Int) {
        guard count > 0 else { return }
        for id in 1...min(count, 64) where connectors[id] == nil { connectors[id] = ConnectorTracking(id: id) }
    }
}
