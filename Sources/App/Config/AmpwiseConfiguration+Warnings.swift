extension AmpwiseConfiguration {
    /// The shortest charger password start-up accepts without a warning. The OCPP 1.6 security
    /// whitepaper (A00.FR.205) asks for an AuthorizationKey of at least 16 bytes (at most 20,
    /// written as up to 40 hexadecimal digits); OCPP 2.0.1 (A00.FR.205) for 16 to 40 characters.
    static let recommendedPasswordLength = 16

    /// What `ampwise serve` warns about at start-up: settings that work but are weak. Each
    /// configured charger password shorter than 16 characters, which the delays on failed logins
    /// slow down but do not make safe (docs/charger-management.md, "Failed logins").
    var startupWarnings: [String] {
        chargers.keys.sorted().compactMap { id in
            guard let password = chargers[id]?.password, password.count < Self.recommendedPasswordLength else {
                return nil
            }
            return "chargers.\(id).password has \(password.count) characters; use a random one of at least "
                + "\(Self.recommendedPasswordLength) (the OCPP security whitepaper asks for 16 to 20 bytes, "
                + "OCPP 2.0.1 for 16 to 40 characters): a short password can be guessed"
        }
    }
}
