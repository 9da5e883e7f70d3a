import Central
import Synchronization
import Testing
import WebSocket

/// SPEC §13: once the charger accepts a new password it is kept (hashed); the old one stays valid
/// until the charger has logged in with the new one, and is refused from then on.
@Suite struct ChargerPasswordsTests {
    private static let configured = "configured-password-1"
    private static let first = Array("first-new-password-2".utf8)
    private static let second = Array("second-new-password3".utf8)

    /// Every entry handed to the store.
    private final class StoredEntries: Sendable {
        let entries = Mutex<[ChargerPasswords.Entry]>([])
        func withLock<T>(_ body: ([ChargerPasswords.Entry]) -> T) -> T { entries.withLock { body($0) } }
    }

    /// The passwords and every entry handed to the store.
    private func passwords() -> (ChargerPasswords, StoredEntries) {
        let passwords = ChargerPasswords()
        let stored = StoredEntries()
        passwords.load([:]) { chargerId, entry in
            #expect(chargerId == "garage")
            stored.entries.withLock { $0.append(entry) }
        }
        return (passwords, stored)
    }

    @Test func theOldPasswordWorksUntilTheNewOneIsUsedAndNeverAfter() {
        let (passwords, stored) = passwords()
        let old = Array(Self.configured.utf8)
        passwords.changed("garage", to: Self.first, replacing: Self.configured)
        #expect(passwords.check(old, of: "garage"))
        #expect(passwords.check(old, of: "garage"))
        #expect(passwords.check(Self.first, of: "garage"))
        #expect(!passwords.check(old, of: "garage"))
        #expect(passwords.check(Self.first, of: "garage"))
        #expect(passwords.entry("garage")?.previous == nil)
        let entries = stored.withLock { $0 }
        #expect(entries.count == 2)
        #expect(entries.first?.previous?.matches(old) == true)
        #expect(entries.last?.previous == nil)
        #expect(entries.last?.current.matches(Self.first) == true)
    }

    @Test func aSecondChangeKeepsTheFirstNewOneAsThePrevious() {
        let (passwords, _) = passwords()
        passwords.changed("garage", to: Self.first, replacing: Self.configured)
        passwords.changed("garage", to: Self.second, replacing: Self.configured)
        #expect(!passwords.check(Array(Self.configured.utf8), of: "garage"))
        #expect(passwords.check(Self.first, of: "garage"))
        #expect(passwords.check(Self.second, of: "garage"))
        #expect(!passwords.check(Self.first, of: "garage"))
    }

    @Test func aChargerWithoutAChangedPasswordHasNoEntry() {
        let (passwords, _) = passwords()
        #expect(passwords.entry("garage") == nil)
        #expect(!passwords.check(Self.first, of: "garage"))
    }

    @Test func storedEntriesAreCheckedAfterARestart() {
        let passwords = ChargerPasswords()
        passwords.load(["garage": .init(current: PasswordHash(hashing: Self.first, iterations: 1000))]) { _, _ in }
        #expect(passwords.check(Self.first, of: "garage"))
        #expect(!passwords.check(Self.second, of: "garage"))
    }
}
