import Foundation
import JSON

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
    public private(set) var values: [InputName: InputValue] = [:]

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
            values[name] = value.map { InputValue(value: $0, updatedAt: now) }
        }
    }

    /// Sets one input (for `ampwise plan`'s simulated inputs and for tests).
    public mutating func set(_ name: InputName, to value: Double?, at now: Date) {
        values[name] = value.map { InputValue(value: $0, updatedAt: now) }
    }

    /// The value the rules see at `now`, or `nil` when unknown.
    public func value(of name: InputName, now: Date) -> Double? {
        reading(of: name, now: now).value
    }

    /// The input at `now` with its age.
    public func reading(of name: InputName, now: Date) -> InputReading {
        if let stored = values[name] {
            let age = now.timeIntervalSince(stored.updatedAt)
            let fresh = age <= maxAge
            if fresh || name != .solarSurplus {
                return InputReading(
                    name: name, value: fresh ? stored.value : nil, updatedAt: stored.updatedAt, ageSeconds: age)
            }
        }
        if name == .solarSurplus {
            let grid = reading(of: .gridPower, now: now)
            if let gridPower = grid.value {
                return InputReading(
                    name: name, value: max(0, -gridPower), updatedAt: grid.updatedAt, ageSeconds: grid.ageSeconds,
                    isDerived: true)
            }
            if let stored = values[name] {
                let age = now.timeIntervalSince(stored.updatedAt)
                return InputReading(name: name, value: nil, updatedAt: stored.updatedAt, ageSeconds: age)
            }
        }
        return InputReading(name: name, value: nil, updatedAt: nil, ageSeconds: nil)
    }

    /// Every pushed input, plus a derived `solar.surplus`, sorted by name (`GET /api/inputs`).
    public func readings(now: Date) -> [InputReading] {
        var names = Set(values.keys)
        if values[.gridPower] != nil { names.insert(.solarSurplus) }
        return names.sorted().map { reading(of: $0, now: now) }
    }
}
