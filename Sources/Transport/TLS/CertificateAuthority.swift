import COpenSSL
import Foundation

/// The certificate authority that signs chargers' certificate signing requests (SPEC §13,
/// `central.tls.ca`; docs/security.md, "The certificate authority"): SignCertificate from a
/// charger, CertificateSigned back with the new certificate and the CA's.
///
/// A request is signed when its own signature verifies, its subject has exactly one commonName,
/// the charger's id (what profile 3 then checks at each connection), and an organizationName (the
/// security whitepaper, edition 3, has the charger put its `CpoName` there), and its key is not
/// weak. The certificate is a client certificate: v3, a random 127-bit serial number, valid from
/// 5 minutes ago (clocks differ) for `validityDays` but never beyond the CA's own end,
/// `CA:FALSE`, key usage for a TLS client only.
///
/// The CA's key stays in memory; it is never logged or written anywhere.
// @unchecked Sendable: the certificate and key are read once at init and never changed; OpenSSL 3
// allows concurrent signing with one key and concurrent reading of one certificate.
public final class CertificateAuthority: @unchecked Sendable {
    /// How long a signed certificate is valid: a year. A charger asks for a new one before its
    /// certificate ends (the whitepaper's use case A03), so a short life costs nothing.
    public static let validityDays = 365
    /// The least key sizes signed, in bits.
    static let minimumRSABits: Int32 = 2048
    static let minimumECBits: Int32 = 224

    private let certificate: OpaquePointer
    private let key: OpaquePointer
    /// The CA's certificate, PEM: the end of every chain sent.
    public let certificatePEM: String

    /// Reads and checks the CA at start-up: both files readable, the certificate a CA's, the key
    /// its own. Errors name the setting (`central.tls.ca.certificate`, `central.tls.ca.privateKey`).
    public init(
        certificatePath: String, privateKeyPath: String, certificateSetting: String = "central.tls.ca.certificate",
        privateKeySetting: String = "central.tls.ca.privateKey"
    ) throws(TLSConfigurationError) {
        let certificatePEM = try PEMFile.read(path: certificatePath, setting: certificateSetting)
        let keyPEM = try PEMFile.read(path: privateKeyPath, setting: privateKeySetting)
        var certificates = PEMCertificates.parse(certificatePEM)
        guard !certificates.isEmpty else {
            throw .noCertificate(setting: certificateSetting, path: certificatePath)
        }
        let certificate = certificates.removeFirst()
        certificates.forEach { X509_free($0) }
        guard X509_check_ca(certificate) >= 1 else {
            X509_free(certificate)
            OpenSSLErrorQueue.clear()
            throw .notACertificateAuthority(setting: certificateSetting, path: certificatePath)
        }
        let key = keyPEM.withUnsafeBytes { bytes -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return ampwise_PEM_read_bio_PrivateKey(bio)
        }
        OpenSSLErrorQueue.clear()
        guard let key else {
            X509_free(certificate)
            throw .noPrivateKey(setting: privateKeySetting, path: privateKeyPath)
        }
        guard X509_check_private_key(certificate, key) == 1 else {
            X509_free(certificate)
            EVP_PKEY_free(key)
            OpenSSLErrorQueue.clear()
            throw .keyMismatch(setting: privateKeySetting, path: privateKeyPath)
        }
        self.certificate = certificate
        self.key = key
        self.certificatePEM = Self.pem(of: certificate) ?? ""
    }

    deinit {
        X509_free(certificate)
        EVP_PKEY_free(key)
    }

    /// Checks `csr` (PEM) from `chargerId` and signs it, or says why not.
    public func sign(csr: String, for chargerId: String) throws(CertificateSigningRefusal) -> IssuedCertificate {
        defer { OpenSSLErrorQueue.clear() }
        guard let request = Self.readRequest(csr) else { throw .notARequest }
        defer { X509_REQ_free(request) }
        guard let publicKey = X509_REQ_get0_pubkey(request), X509_REQ_verify(request, publicKey) == 1 else {
            throw .badSignature
        }
        guard let subject = X509_REQ_get_subject_name(request) else { throw .notARequest }
        let commonNames = X509NameEntries.values(of: NID_commonName, in: subject)
        guard commonNames == [chargerId] else {
            throw .commonNameMismatch(found: commonNames, chargerId: chargerId)
        }
        guard X509NameEntries.values(of: NID_organizationName, in: subject).contains(where: { !$0.isEmpty }) else {
            throw .noOrganization
        }
        try Self.checkStrength(of: publicKey)
        return try issue(subject: subject, publicKey: publicKey)
    }

    private func issue(
        subject: OpaquePointer, publicKey: OpaquePointer
    ) throws(CertificateSigningRefusal) -> IssuedCertificate {
        guard let leaf = X509_new() else { throw .openSSL("out of memory") }
        defer { X509_free(leaf) }
        let isRSA = EVP_PKEY_get_base_id(publicKey) == NID_rsaEncryption
        // keyEncipherment only where the key can encipher (RSA key exchange); an EC key signs.
        let keyUsage = isRSA ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature"
        let notBefore = X509_getm_notBefore(leaf)
        let notAfter = X509_getm_notAfter(leaf)
        guard X509_set_version(leaf, 2) == 1, ampwise_X509_set_random_serial(leaf) == 1,
            X509_set_issuer_name(leaf, X509_get_subject_name(certificate)) == 1,
            X509_set_subject_name(leaf, subject) == 1, X509_set_pubkey(leaf, publicKey) == 1,
            X509_gmtime_adj(notBefore, -300) != nil,
            X509_time_adj_ex(notAfter, Int32(Self.validityDays), 0, nil) != nil
        else { throw .openSSL(OpenSSLErrorQueue.drain(fallback: "cannot fill in the certificate")) }
        if let caEnd = X509_get0_notAfter(certificate), ASN1_TIME_compare(notAfter, caEnd) > 0 {
            _ = X509_set1_notAfter(leaf, caEnd)
        }
        let extensions: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, keyUsage),
            (NID_ext_key_usage, "clientAuth"), (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
        for (nid, value) in extensions where ampwise_X509_add_extension(leaf, certificate, nid, value) != 1 {
            throw .openSSL(OpenSSLErrorQueue.drain(fallback: "cannot add the extension \(value)"))
        }
        guard X509_sign(leaf, key, EVP_sha256()) > 0, let leafPEM = Self.pem(of: leaf) else {
            throw .openSSL(OpenSSLErrorQueue.drain(fallback: "cannot sign the certificate"))
        }
        return IssuedCertificate(
            chainPEM: leafPEM + certificatePEM, serialNumber: Self.serialNumber(of: leaf),
            notAfter: Self.date(X509_get0_notAfter(leaf)) ?? Date())
    }

    private static func checkStrength(of key: OpaquePointer) throws(CertificateSigningRefusal) {
        let bits = EVP_PKEY_get_bits(key)
        switch EVP_PKEY_get_base_id(key) {
        case NID_rsaEncryption where bits < minimumRSABits, NID_dsa where bits < minimumRSABits:
            throw .weakKey("\(bits)-bit RSA or DSA key, at least \(minimumRSABits) bits needed")
        case NID_X9_62_id_ecPublicKey where bits < minimumECBits:
            throw .weakKey("\(bits)-bit elliptic curve key, at least \(minimumECBits) bits needed")
        default:
            return
        }
    }

    private static func readRequest(_ pem: String) -> OpaquePointer? {
        let bytes = Array(pem.utf8)
        return bytes.withUnsafeBytes { buffer -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return ampwise_PEM_read_bio_X509_REQ(bio)
        }
    }

    static func pem(of certificate: OpaquePointer) -> String? {
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, certificate) == 1 else { return nil }
        var bytes = [UInt8](repeating: 0, count: ampwise_BIO_pending(bio))
        let count = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32($0.count)) }
        return String(decoding: bytes.prefix(Int(max(count, 0))), as: UTF8.self)
    }

    static func serialNumber(of certificate: OpaquePointer) -> String {
        guard let serial = X509_get0_serialNumber(certificate), let number = ASN1_INTEGER_to_BN(serial, nil) else {
            return "?"
        }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "?" }
        defer { ampwise_OPENSSL_free(hex) }
        return String(cString: hex)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
