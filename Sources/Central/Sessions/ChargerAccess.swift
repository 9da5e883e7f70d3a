import OCPP

/// What the central system needs to know about a charger before it speaks OCPP with it.
public struct ChargerAccess: Sendable, Equatable {
    /// When set, the charger must send HTTP Basic auth with its id and this password.
    public var password: String?
    /// The least the connection must use (docs/security.md): TLS from 2, a client certificate at 3.
    public var securityProfile: SecurityProfile
    /// `false` accepts what faulty firmware sends, with a warning, instead of a CALLERROR.
    public var strict: Bool

    package var validationMode: OCPPValidationMode { strict ? .strict : .lenient }

    /// `securityProfile` defaults to 1 with a password, else 0 (SPEC §13).
    public init(password: String? = nil, strict: Bool = true, securityProfile: SecurityProfile? = nil) {
        self.password = password
        self.strict = strict
        self.securityProfile = securityProfile ?? (password == nil ? .unsecured : .basicAuthentication)
    }
}
