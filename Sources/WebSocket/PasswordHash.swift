import COpenSSL

/// A charger password as Ampwise stores it once it has been changed through the API
/// (docs/security.md, "Password rotation"): PBKDF2-HMAC-SHA256 over the password's bytes with a
/// random salt, never the password itself. Written as
/// `pbkdf2-sha256$ITERATIONS$SALT_HEX$DIGEST_HEX`.
public struct PasswordHash: Sendable, Equatable {
    /// PBKDF2 iterations for new hashes. Charger passwords are random (16 to 40 characters, 20
    /// random alphanumerics when Ampwise makes one), so the count guards weak hand-picked ones.
    /// One check costs about 28 ms on the project's 2-core test machine (OpenSSL 3.0); it runs on
    /// the connection's event loop, and for a right password only at the charger's first login per
    /// run (`ChargerPasswords` then remembers it).
    public static let iterations = 100_000
    /// Bytes of random salt per hash.
    public static let saltLength = 16
    /// Bytes of digest (SHA-256's size).
    public static let digestLength = 32
    static let scheme = "pbkdf2-sha256"

    public let iterations: Int
    public let salt: [UInt8]
    public let digest: [UInt8]

    /// Hashes `password` with a fresh random salt.
    public init(hashing password: [UInt8], iterations: Int = PasswordHash.iterations) {
        let salt = PasswordHash.randomBytes(count: PasswordHash.saltLength)
        self.iterations = iterations
        self.salt = salt
        self.digest = PasswordHash.derive(password, salt: salt, iterations: iterations)
    }

    /// Reads the stored form; nil when it is not one.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]), iterations > 0,
            let salt = Self.bytes(hex: parts[2]), !salt.isEmpty, let digest = Self.bytes(hex: parts[3]),
            digest.count == Self.digestLength
        else { return nil }
        self.iterations = iterations
        self.salt = salt
        self.digest = digest
    }

    /// The stored form.
    public var encoded: String {
        "\(Self.scheme)$\(iterations)$\(Self.hex(salt))$\(Self.hex(digest))"
    }

    /// Whether `password` is the hashed one; compares in constant time.
    public func matches(_ password: [UInt8]) -> Bool {
        let candidate = PasswordHash.derive(password, salt: salt, iterations: iterations)
        return candidate.withUnsafeBytes { left in
            digest.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }

    /// SHA-256 of `bytes` (for an in-memory note of a verified password, never stored).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha256(), nil) }
        precondition(status == 1 && length == 32, "OpenSSL SHA-256 failed")
        return Array(digest[0..<32])
    }

    /// Cryptographically random bytes from OpenSSL.
    public static func randomBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = RAND_bytes(&bytes, Int32(count))
        precondition(status == 1, "OpenSSL RAND_bytes failed")
        return bytes
    }

    private static func derive(_ password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: digestLength)
        let status = password.withUnsafeBytes { passwordBytes in
            salt.withUnsafeBytes { saltBytes in
                PKCS5_PBKDF2_HMAC(
                    passwordBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(passwordBytes.count),
                    saltBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(saltBytes.count),
                    Int32(clamping: iterations), EVP_sha256(), Int32(digestLength), &output)
            }
        }
        precondition(status == 1, "OpenSSL PBKDF2 failed")
        return output
    }

    /// Lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a hex string (either case); nil when it is not one.
    public static func bytes<Text: StringProtocol>(hex: Text) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
