import Foundation

/// The energy and duration of one transaction, from its `meterStart`, the energy register values
/// that arrive while it runs and its `meterStop`.
///
/// Some chargers report a register that counts for their whole life (energy = register −
/// meterStart); others restart it from 0 for every session while sending a lifetime
/// `meterStart`. The tracker decides which from evidence, once per transaction, and never goes
/// back: the register restarts per session when
/// - the first register value of the transaction is at most `nearZero` (100 Wh) while meterStart is
///   at least `largeMeterStart` (1,000 Wh), or
/// - any register value (or meterStop) lies below meterStart by more than the rounding
///   tolerance: 100 Wh or 0.1 % of meterStart, whichever is larger. (A register sent in kWh with
///   one decimal can legitimately sit up to 50 Wh below an integer meterStart in Wh.)
///
/// A transaction started without a meterStart (OCPP 2.0.1 lets a Started event carry no meter
/// value) counts from its first register value: a lifetime register is not taken as the session's
/// energy (`SessionEnergyMode.registerSinceFirstReading`).
///
/// In the per-session mode a meterStop is read as a session figure or as a lifetime figure
/// (meterStop − meterStart), whichever is nearer the last register value. The session energy is
/// never negative. Once `end` has been called the tracker is ended and
/// values that arrive later are ignored.
struct SessionEnergyTracker: Sendable, Hashable {
    static let nearZero = 100.0
    static let largeMeterStart = 1000.0

    let transactionId: Int
    /// In Wh, as in StartTransaction; for a transaction started without one, 0 until the first
    /// register value arrives and that value from then on.
    public private(set) var meterStart: Double
    let startedAt: Date
    public private(set) var mode: SessionEnergyMode = .registerSinceMeterStart
    /// The latest energy register value, in Wh; `nil` until one arrives.
    public private(set) var lastRegister: Double?
    public private(set) var lastUpdate: Date?
    public private(set) var endedAt: Date?
    /// In Wh, as in StopTransaction; `nil` while open or when the charger sent none.
    public private(set) var meterStop: Double?

    /// `meterStart` nil: the charger reported none, so the first register value stands for it.
    init(transactionId: Int, meterStart: Double?, startedAt: Date) {
        self.transactionId = transactionId
        self.meterStart = meterStart ?? 0
        self.startedAt = startedAt
        if meterStart == nil { mode = .registerSinceFirstReading }
    }

    var isEnded: Bool { endedAt != nil }

    /// Energy delivered in the session so far (or in total, once ended), in Wh; never negative.
    var sessionEnergy: Double {
        switch mode {
        case .registerSinceFirstReading:
            return 0
        case .registerSinceMeterStart:
            guard let register = meterStop ?? lastRegister else { return 0 }
            return max(0, register - meterStart)
        case .registerCountsSession:
            guard let meterStop else { return max(0, lastRegister ?? 0) }
            // Chargers with a per-session register differ on meterStop: some send the session
            // figure, some a lifetime figure. Take the reading that continues the session register.
            let asSession = meterStop
            let asLifetime = meterStop - meterStart
            guard let lastRegister, asLifetime >= 0 else { return max(0, asSession) }
            return abs(asLifetime - lastRegister) < abs(asSession - lastRegister) ? asLifetime : asSession
        }
    }

    /// Time since the start, up to `now` while open and up to the end once ended.
    func duration(at now: Date) -> TimeInterval {
        max(0, (endedAt ?? now).timeIntervalSince(startedAt))
    }

    /// Takes the connector's `Energy.Active.Import.Register` from a normalised meter value.
    @discardableResult
    public mutating func record(_ meterValue: NormalisedMeterValue) -> MeterRecordOutcome {
        guard let reading = meterValue[.energyActiveImportRegister] else {
            return isEnded ? .ignoredAfterEnd : .noEnergyRegister
        }
        return record(register: reading.value, at: reading.timestamp)
    }

    /// Takes one energy register value in Wh.
    @discardableResult
    public mutating func record(register: Double, at timestamp: Date) -> MeterRecordOutcome {
        guard !isEnded else { return .ignoredAfterEnd }
        if mode == .registerSinceFirstReading {
            meterStart = register
            mode = .registerSinceMeterStart
        }
        if lastRegister == nil, register <= Self.nearZero, meterStart >= Self.largeMeterStart {
            mode = .registerCountsSession
        }
        noteRestartEvidence(register)
        lastRegister = register
        lastUpdate = timestamp
        return .recorded
    }

    /// Ends the transaction (StopTransaction). A second call changes nothing.
    public mutating func end(meterStop: Double?, at timestamp: Date) {
        guard !isEnded else { return }
        if let meterStop, mode == .registerSinceFirstReading {
            // The only reading is the last one: the session's energy is not known, so none counts.
            meterStart = meterStop
            mode = .registerSinceMeterStart
        }
        if let meterStop {
            noteRestartEvidence(meterStop)
            self.meterStop = meterStop
        }
        endedAt = timestamp
    }

    private mutating func noteRestartEvidence(_ register: Double) {
        let tolerance = max(Self.nearZero, meterStart * 0.001)
        if register < meterStart - tolerance { mode = .registerCountsSession }
    }
}
