import Transport

/// The least a charger must use to connect: the security profiles of the OCPP 1.6 security
/// whitepaper (edition 3, section 2), set per charger with `chargers.ID.securityProfile`
/// (docs/security.md).
public enum SecurityProfile: Int, Sendable, Comparable, CaseIterable {
    /// No authentication (a charger with no password).
    case unsecured = 0
    /// HTTP Basic auth, over `ws://` or `wss://`.
    case basicAuthentication = 1
    /// HTTP Basic auth over TLS (`wss://`).
    case basicAuthenticationOverTLS = 2
    /// TLS with a client certificate signed by `central.tls.clientCA` whose subject CN is the
    /// charger id; the certificate is the credential, a password is not asked for.
    case clientCertificate = 3

    public static func < (lhs: SecurityProfile, rhs: SecurityProfile) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why a connection does not meet this profile for `chargerId`; nil when it does. The password,
    /// for profiles 1 and 2, is checked by the upgrade after this.
    public func refusal(
        of chargerId: String, overTLS: Bool, certificate: PeerCertificate?
    ) -> SecurityProfileRefusal? {
        guard self >= .basicAuthenticationOverTLS else { return nil }
        guard overTLS else { return .needsTLS(self) }
        guard self == .clientCertificate else { return nil }
        // Only a certificate OpenSSL verified reaches here: an unknown CA, a broken chain or an
        // expired certificate already failed the handshake.
        guard let certificate else { return .needsClientCertificate }
        guard certificate.commonName == chargerId else {
            return .commonNameMismatch(certificate.subjectCommonNames)
        }
        return nil
    }
}
