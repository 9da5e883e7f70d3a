import Central
import Logging
import Store
import WebSocket

/// Where `ChargerPasswords` live in the database: two charger settings (docs/database.md,
/// `charger_settings`), `passwordHash` and `previousPasswordHash`, PBKDF2 hashes
/// (`PasswordHash.encoded`), never the passwords.
enum StoredChargerPasswords {
    static let currentKey = "passwordHash"
    static let previousKey = "previousPasswordHash"

    /// Loads the stored hashes into `passwords` and stores every change from now on, in the order
    /// they happen (one writer, each write the charger's latest entry), until the writer is finished.
    static func attach(_ passwords: ChargerPasswords, to store: Store) async throws -> ChargerPasswordWriter {
        let current = try await store.chargerSettings(key: currentKey)
        let previous = try await store.chargerSettings(key: previousKey)
        let logger = Logger(label: "central")
        var entries: [String: ChargerPasswords.Entry] = [:]
        for (chargerId, encoded) in current {
            guard let hash = PasswordHash(encoded: encoded) else {
                logger.error(
                    "\(chargerId): the stored password hash is not one Ampwise reads; its changed password is ignored")
                continue
            }
            entries[chargerId] = ChargerPasswords.Entry(
                current: hash, previous: previous[chargerId].flatMap(PasswordHash.init(encoded:)))
        }
        let (changes, continuation) = AsyncStream.makeStream(of: String.self)
        let task = Task {
            for await chargerId in changes {
                let entry = passwords.entry(chargerId)
                do {
                    try await store.setChargerSetting(
                        chargerId: chargerId, key: currentKey, value: entry?.current.encoded)
                    try await store.setChargerSetting(
                        chargerId: chargerId, key: previousKey, value: entry?.previous?.encoded)
                } catch {
                    logger.error("\(chargerId): the changed password could not be stored: \(error)")
                }
            }
        }
        passwords.load(entries) { chargerId, _ in continuation.yield(chargerId) }
        return ChargerPasswordWriter(changes: continuation, task: task)
    }
}
