/// Why a connection was refused at the upgrade for being below its charger's security profile
/// (HTTP 401). Logged once per charger and reason, counted in `/metrics` by `label`.
public enum SecurityProfileRefusal: Sendable, Hashable {
    /// Profile 2 or 3 over plain `ws://`.
    case needsTLS(SecurityProfile)
    /// Profile 3 without a client certificate (a password does not replace it).
    case needsClientCertificate
    /// Profile 3 with a trusted certificate whose subject CN is not the charger id; the CNs it has.
    case commonNameMismatch([String])

    /// The metrics label: `tls_required`, `certificate_required`, `common_name_mismatch`.
    public var label: String {
        switch self {
        case .needsTLS: "tls_required"
        case .needsClientCertificate: "certificate_required"
        case .commonNameMismatch: "common_name_mismatch"
        }
    }

    /// One line for the log.
    public var message: String {
        switch self {
        case .needsTLS(let profile):
            "security profile \(profile.rawValue) needs TLS: connect with wss:// (central.tls.port)"
        case .needsClientCertificate:
            "security profile 3 needs a client certificate signed by central.tls.clientCA; none was sent"
        case .commonNameMismatch(let names):
            "security profile 3 needs the client certificate's subject CN to be the charger id; it is "
                + (names.isEmpty ? "missing" : names.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}
