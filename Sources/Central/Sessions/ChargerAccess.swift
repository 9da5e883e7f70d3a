import OCPP

/// What the central system needs to know about a charger before it speaks OCPP with it.
public struct ChargerAccess: Sendable, Equatable {
    /// When set, the charger must send HTTP Basic auth with its id and this password.
    public var password: String?
    /// `false` accepts what faulty firmware sends, with a warning, instead of a CALLERROR.
    public var strict: Bool

    package var validationMode: OCPPValidationMode { strict ? .strict : .lenient }

    public init(password: String? = nil, strict: Bool = true) {
        self.password = password
        self.strict = strict
    }
}
