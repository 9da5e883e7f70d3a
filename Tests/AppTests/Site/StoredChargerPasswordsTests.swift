import Central
import Store
import TestSupport
import Testing

@testable import App

/// Changed passwords are written to the store by one background task (docs/security.md, "What is
/// stored where"). It was never stopped: a change made just before shutdown failed to be written
/// once the store had closed (logged), and the charger's new password was lost.
@Suite struct StoredChargerPasswordsTests {
    @Test func aPasswordChangedJustBeforeShutdownIsStored() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("ampwise.sqlite")
        let store = try Store(path: path)
        let passwords = ChargerPasswords()
        let writer = try await StoredChargerPasswords.attach(passwords, to: store)
        passwords.changed("garage", to: Array("changed-password-123".utf8), replacing: "configured-password")
        // What `serve` does on the way out: the writer finishes before the store closes.
        await writer.finish()
        await store.close()

        let reopened = try Store(path: path)
        let stored = try await reopened.chargerSettings(chargerId: "garage")
        await reopened.close()
        #expect(stored[StoredChargerPasswords.currentKey]?.hasPrefix("pbkdf2-sha256$") == true)
        #expect(stored[StoredChargerPasswords.previousKey]?.hasPrefix("pbkdf2-sha256$") == true)
    }
}
