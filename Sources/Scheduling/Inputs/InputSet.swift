import Foundation
import JSON
import Rules

/// The user inputs pushed through `PUT /api/inputs`, with their ages.
///
/// A push merges: names not in it keep their values. `null` removes an input (it becomes
/// unknown at once, as if never pushed), which is how a feed says "I no longer know". A value
/// never pushed, or older than `maxAge` seconds, is unknown. `solar.surplus`, when not pushed
/// (or unknown), is derived as max(0, −grid.power). At most `maxCount` inputs are kept.
public struct InputSet: Sendable {
    /// A site has a handful of meters and feeds, a large one a few hundred inputs; every push
    /// answers all of them and every evaluation reads them, so an unbounded set lets one client
    /// slow every push down for everyone (50,000 names made each PUT take seconds).
    public static let maxCount = 1000

    /// `scheduler.inputMaxAge` in seconds.
    public var maxAge: TimeInterval
    public private(set) var values: [InputName: InputReading] = [:]

    public init(maxAge: TimeInterval) {
        self.maxAge = maxAge
    }

    /// Applies a `PUT /api/inputs` body at `now`. All or nothing: one bad entry refuses the push.
    public mutating func merge(_ body: JSONValue, now: Date) throws(InputError) {
        try merge(InputUpdate(json: body), now: now)
    }

    /// Applies a checked update at `now`; refused whole when it would keep more than `maxCount`.
    public mutating func merge(_ update: InputUpdate, now: Date) throws(InputError) {
        let added = update.values.filter { $0.value != nil && values[$0.key] == nil }.keys
        let removed = update.values.filter { $0.value == nil && values[$0.key] != nil }.count
        if values.count - removed + added.count > Self.maxCount, let name = added.sorted().last {
            throw .tooManyInputs(name: name.rawValue)
        }
        for (name, value) in update.values {
            values[name] = value.map { InputReading(value: $0, updatedAt: now) }
        }
    }

    /// Whether merging `update` at `now` changes what the rules see or `GET /api/inputs` marks: a
    /// new value, a removed input, an unknown one (never set, or stale) becoming known. The same
    /// value again while it is fresh changes only its age.
    public func wouldChange(_ update: InputUpdate, now: Date) -> Bool {
        update.values.contains { name, value in
            guard let value, let stored = values[name], isFresh(stored, now: now) else { return true }
            return stored.value != value
        }
    }

    /// Sets one input (for `ampwise plan`'s simulated inputs and for tests).
    public mutating func set(_ name: InputName, to value: Double?, at now: Date) {
        values[name] = value.map { InputReading(value: $0, updatedAt: now) }
    }

    /// The value the rules see at `now`, or `nil` when unknown.
    public func value(of name: InputName, now: Date) -> Double? {
        reading(of: name, now: now)?.value
    }

    /// The reading the rules see at `now`: the pushed one while it is fresh, or for
    /// `solar.surplus` not pushed (or stale) one derived from a fresh `grid.power`, as old as it;
    /// `nil` when unknown.
    public func reading(of name: InputName, now: Date) -> InputReading? {
        if let stored = values[name], isFresh(stored, now: now) { return stored }
        guard name == .solarSurplus, let grid = reading(of: .gridPower, now: now) else { return nil }
        return InputReading(value: max(0, -grid.value), updatedAt: grid.updatedAt)
    }

    /// Every known input at `now`, a derived `solar.surplus` included.
    public func readings(now: Date) -> [InputName: InputReading] {
        var readings: [InputName: InputReading] = [:]
        for name in names {
            readings[name] = reading(of: name, now: now)
        }
        return readings
    }

    /// Every pushed input, stale ones too, and a derived `solar.surplus`, sorted by name
    /// (`GET /api/inputs`): what the rules see, or else the last value pushed, marked stale.
    public func statuses(now: Date) -> [InputStatus] {
        names.sorted().compactMap { name in
            let reading = self.reading(of: name, now: now) ?? values[name]
            return reading.map { reading in
                let age = now.timeIntervalSince(reading.updatedAt)
                return InputStatus(
                    name: name.rawValue, value: reading.value, updatedAt: reading.updatedAt, ageSeconds: age,
                    stale: !isFresh(reading, now: now))
            }
        }
    }

    /// The pushed names, and `solar.surplus` when `grid.power` was pushed.
    private var names: Set<InputName> {
        var names = Set(values.keys)
        if values[.gridPower] != nil { names.insert(.solarSurplus) }
        return names
    }

    private func isFresh(_ reading: InputReading, now: Date) -> Bool {
        now.timeIntervalSince(reading.updatedAt) <= maxAge
    }
}
