import Central
import Transport

extension AmpwiseConfiguration {
    /// The central system's settings, with TLS loaded (which fails with a message naming the file).
    func centralConfiguration() throws(TLSConfigurationError) -> CentralConfiguration {
        let tls = try central.tls.map { settings throws(TLSConfigurationError) in
            try TLSContext(
                configuration: TLSConfiguration(
                    certificateChainPath: settings.certificate, privateKeyPath: settings.privateKey,
                    clientCertificateAuthoritiesPath: settings.clientCA))
        }
        let chargers = chargers
        let allowUnknown = central.allowUnknownChargers
        return CentralConfiguration(
            host: central.host, port: central.port, tls: tls, heartbeatInterval: central.heartbeatInterval,
            pingInterval: central.pingInterval, pingTimeout: central.pingTimeout, callTimeout: central.callTimeout,
            maxMessageBytes: central.maxMessageBytes, maxBufferedBytes: central.maxBufferedBytes,
            tlsPort: central.tls?.port, protocols: central.protocols,
            access: { chargerId in
                if let charger = chargers[chargerId] {
                    return ChargerAccess(
                        password: charger.password, strict: charger.strict, securityProfile: charger.securityProfile)
                }
                return allowUnknown ? ChargerAccess() : nil
            })
    }
}
