import Synchronization
import WebSocket

/// The passwords changed through the API (docs/security.md, "Password rotation"), as hashes:
/// per charger the one it was told to use, and the one before it while the charger has not yet
/// connected with the new one. A charger with an entry here is checked against it and never
/// against `chargers.ID.password` (a password from the API outranks the configuration's).
///
/// Read at every upgrade on the event loops, changed by the API: under a lock. Changes are handed
/// to `persist` (the store) as they happen.
public final class ChargerPasswords: Sendable {
    /// One charger's passwords.
    public struct Entry: Sendable, Equatable {
        /// The password the charger accepted last.
        public var current: PasswordHash
        /// The one before, valid until the charger logs in with `current`.
        public var previous: PasswordHash?

        public init(current: PasswordHash, previous: PasswordHash? = nil) {
            self.current = current
            self.previous = previous
        }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// SHA-256 of a random per-run key and a password that matched `current` (the hash it
        /// matched), so that a charger's reconnections skip PBKDF2. In memory only.
        var verified: [String: (hash: PasswordHash, note: [UInt8])] = [:]
        var persist: @Sendable (String, Entry) -> Void = { _, _ in }
    }

    private let state = Mutex(State())
    private let runKey = PasswordHash.randomBytes(count: 32)

    public init() {}

    /// Takes the entries stored in the database (at start-up) and where to store changes.
    public func load(_ entries: [String: Entry], persist: @escaping @Sendable (String, Entry) -> Void) {
        state.withLock {
            $0.entries = entries
            $0.persist = persist
        }
    }

    /// The charger's entry; nil when its password was never changed through the API.
    public func entry(_ chargerId: String) -> Entry? {
        state.withLock { $0.entries[chargerId] }
    }

    /// Whether `password` gets the charger in. The current password does, and retires the
    /// previous one for good (the charger has moved on); the previous one does until then.
    /// Costs a PBKDF2 (about 28 ms) unless `quickCheck` can tell: call it off the event loops.
    public func check(_ password: [UInt8], of chargerId: String) -> Bool {
        if let quick = quickCheck(password, of: chargerId) { return quick }
        guard let entry = entry(chargerId) else { return false }
        // PBKDF2 outside the lock: other connections' checks do not wait for this one.
        if entry.current.matches(password) {
            let note = PasswordHash.sha256(runKey + password)
            state.withLock { state in
                // Unless the password changed meanwhile.
                if state.entries[chargerId]?.current == entry.current {
                    state.verified[chargerId] = (entry.current, note)
                }
            }
            retirePrevious(of: chargerId, entry: entry)
            return true
        }
        return entry.previous?.matches(password) ?? false
    }

    /// `check` where it costs no PBKDF2: false for a charger without an entry, true for the password
    /// this run has already verified (a reconnection), nil when only `check` can tell (a first login,
    /// a wrong password, the previous one).
    public func quickCheck(_ password: [UInt8], of chargerId: String) -> Bool? {
        let note = PasswordHash.sha256(runKey + password)
        let (found, remembered) = state.withLock { ($0.entries[chargerId], $0.verified[chargerId]) }
        guard let entry = found else { return false }
        guard let remembered, remembered.hash == entry.current, remembered.note == note else { return nil }
        retirePrevious(of: chargerId, entry: entry)
        return true
    }

    /// The charger accepted `password` (ChangeConfiguration AuthorizationKey): it becomes current,
    /// and what the charger used until now, the current entry or else `configured` (the
    /// configuration's password), stays valid until the charger logs in with the new one.
    public func changed(_ chargerId: String, to password: [UInt8], replacing configured: String?) {
        let current = PasswordHash(hashing: password)
        // PBKDF2 outside the lock.
        let fallback = entry(chargerId) == nil ? configured.map { PasswordHash(hashing: Array($0.utf8)) } : nil
        let (entry, persist) = state.withLock { state in
            let previous = state.entries[chargerId]?.current ?? fallback
            let entry = Entry(current: current, previous: previous)
            state.entries[chargerId] = entry
            state.verified[chargerId] = nil
            return (entry, state.persist)
        }
        persist(chargerId, entry)
    }

    private func retirePrevious(of chargerId: String, entry: Entry) {
        guard entry.previous != nil else { return }
        let retired: (Entry, @Sendable (String, Entry) -> Void)? = state.withLock { state in
            guard var now = state.entries[chargerId], now.current == entry.current, now.previous != nil else {
                return nil
            }
            now.previous = nil
            state.entries[chargerId] = now
            return (now, state.persist)
        }
        if case let (now, persist)? = retired { persist(chargerId, now) }
    }
}
