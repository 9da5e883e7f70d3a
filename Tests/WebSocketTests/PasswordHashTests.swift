import Testing
import WebSocket

/// Changed charger passwords are kept as PBKDF2-HMAC-SHA256 hashes (docs/security.md).
@Suite struct PasswordHashTests {
    /// The known answer of PBKDF2-HMAC-SHA256 for "password", salt "salt", 1 iteration, 32 bytes
    /// (the test vector published with RFC 7914's §11 predecessor tables, widely reproduced).
    @Test func matchesAKnownAnswer() throws {
        let stored = "pbkdf2-sha256$1$73616c74$120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        let hash = try #require(PasswordHash(encoded: stored))
        #expect(hash.matches(Array("password".utf8)))
        #expect(!hash.matches(Array("Password".utf8)))
        #expect(hash.encoded == stored)
    }

    @Test func aNewHashMatchesItsPasswordOnlyAndHasAFreshSalt() throws {
        let password = Array("0123456789abcdefABCD".utf8)
        let first = PasswordHash(hashing: password, iterations: 1000)
        let second = PasswordHash(hashing: password, iterations: 1000)
        #expect(first.matches(password))
        #expect(!first.matches(Array("0123456789abcdefABCE".utf8)))
        #expect(first.salt.count == PasswordHash.saltLength)
        #expect(first.salt != second.salt)
        #expect(first.digest != second.digest)
        #expect(PasswordHash(encoded: first.encoded) == first)
        #expect(!first.encoded.contains("0123456789abcdefABCD"))
    }

    @Test func newHashesUseTheDocumentedIterations() {
        #expect(PasswordHash(hashing: Array("x".utf8)).iterations == 100_000)
    }

    @Test(arguments: [
        "", "pbkdf2-sha256$1$73616c74", "sha1$1$73616c74$" + String(repeating: "00", count: 32),
        "pbkdf2-sha256$0$73616c74$" + String(repeating: "00", count: 32),
        "pbkdf2-sha256$1$$" + String(repeating: "00", count: 32), "pbkdf2-sha256$1$73616c74$00",
        "pbkdf2-sha256$1$xyz1$" + String(repeating: "00", count: 32),
    ])
    func refusesWhatIsNotAStoredHash(encoded: String) {
        #expect(PasswordHash(encoded: encoded) == nil)
    }

    @Test func hexRoundTrips() {
        #expect(PasswordHash.hex([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(PasswordHash.bytes(hex: "00ABff") == [0x00, 0xAB, 0xFF])
        #expect(PasswordHash.bytes(hex: "0") == nil)
        #expect(PasswordHash.bytes(hex: "0g") == nil)
    }
}
