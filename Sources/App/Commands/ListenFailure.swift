import Transport

/// A server that could not listen, with the settings that choose its address: the transport's
/// "cannot listen on 127.0.0.1:9080: address already in use" alone does not say which of
/// Ampwise's two servers it was, nor what to change.
struct ListenFailure: Error, CustomStringConvertible {
    /// `api.port` or `central.port`.
    let portSetting: String
    /// `api.host` or `central.host`.
    let hostSetting: String
    let error: TransportError

    var description: String {
        "\(error) (\(portSetting) and \(hostSetting) in the configuration choose this address; another "
            + "program, or another ampwise, may be using it)"
    }

    /// `error`, with the settings named when it is a server that cannot listen.
    static func naming(_ error: any Error, port portSetting: String, host hostSetting: String) -> any Error {
        guard let transport = error as? TransportError, case .cannotListen = transport else { return error }
        return ListenFailure(portSetting: portSetting, hostSetting: hostSetting, error: transport)
    }
}
