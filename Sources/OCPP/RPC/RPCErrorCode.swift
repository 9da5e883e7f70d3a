import JSON

/// The CALLERROR codes of one OCPP-J version: `OCPPErrorCode` for 1.6, `OCPP201ErrorCode` (module
/// OCPP201) for 2.0.1.
///
/// The RPC framing is the same in every version (`RPCFrame`); what differs is how the codes are
/// spelled, which code answers a broken frame, and (2.0.1) how long a description may be. A
/// version says so by conforming its code enum to this protocol.
public protocol RPCErrorCode: RawRepresentable<String>, Sendable, Hashable, CaseIterable {
    /// Reads the code of a CALLERROR received from a peer, forgiving the other versions' spellings;
    /// anything unknown becomes `GenericError`.
    init(received text: String)
    /// The code that answers a payload breaking its schema (`OCPPValidationError.code` is the
    /// kind of violation, spelled as 1.6 spells it).
    init(_ violation: OCPPValidationError)
    /// The code that answers a text message that is not a well-formed frame.
    static func answering(_ fault: RPCFrameFault) -> Self
    /// The most characters a CALLERROR description may have; `nil`: no limit.
    static var maximumDescriptionLength: Int? { get }
    /// The action is not known (the same code in every version).
    static var notImplemented: Self { get }
    /// The action is known but not taken (the same code in every version).
    static var notSupported: Self { get }
    /// The receiver failed (the same code in every version).
    static var internalError: Self { get }
}

extension RPCErrorCode {
    /// `description` shortened to `maximumDescriptionLength` characters (Unicode scalars, as the
    /// schemas count them), ending in "…" when it had to be cut.
    public static func fitting(_ description: String) -> String {
        guard let limit = maximumDescriptionLength, description.unicodeScalars.count > limit else {
            return description
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: description.unicodeScalars.prefix(limit - 1))
        scalars.append("…")
        return String(scalars)
    }
}
