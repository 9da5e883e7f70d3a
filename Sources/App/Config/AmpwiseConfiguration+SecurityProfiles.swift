import Central

extension AmpwiseConfiguration {
    /// What each charger's `securityProfile` needs from the rest of the file (docs/security.md):
    /// a password for 1 and 2, `central.tls` for 2 and 3, `central.tls.clientCA` for 3. Reported
    /// at start-up, so that no charger is left unable to connect, or let in with less.
    func checkSecurityProfiles(with reader: inout ConfigurationReader) {
        if let tlsPort = central.tls?.port, tlsPort == central.port {
            reader.report("central.tls.port", "\(tlsPort) is central.port too: ws:// and wss:// need a port each")
        }
        for (id, charger) in chargers.sorted(by: { $0.key < $1.key }) {
            guard let profile = charger.securityProfile else { continue }
            let path = ConfigurationReader.path("chargers", id) + ".securityProfile"
            let number = profile.rawValue
            if profile == .basicAuthentication || profile == .basicAuthenticationOverTLS, charger.password == nil {
                reader.report(path, "\(number) needs the charger's password (HTTP Basic auth); set \"password\"")
            }
            if profile >= .basicAuthenticationOverTLS, central.tls == nil {
                reader.report(path, "\(number) needs TLS; set central.tls")
            }
            if profile == .clientCertificate, let tls = central.tls, tls.clientCA == nil {
                reader.report(path, "3 needs the CAs that sign the chargers' certificates; set central.tls.clientCA")
            }
        }
    }
}
