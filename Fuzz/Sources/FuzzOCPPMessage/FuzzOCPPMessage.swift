import FuzzSupport
import JSON
import OCPP

/// Parses the input as an OCPP-J frame and decodes a CALL's payload strictly and leniently, as
/// the session does with every text message; what decodes strictly must encode to a payload
/// that decodes again to the same value.
@_cdecl("FuzzOCPPMessage_main")
public func fuzzOCPPMessageMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzOCPPMessage)
}

func fuzzOCPPMessage(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    guard let frame = try? OCPPFrame.parse(input) else { return 0 }
    let reparsed = try? OCPPFrame.parse(frame.bytes())
    precondition(reparsed == frame, "a parsed frame must encode to itself")
    guard case .call(_, let action, let payload) = frame else { return 0 }
    _ = try? ChargePointRequest.decode(action: action, payload: payload, mode: .lenient)
    if let decoded = try? ChargePointRequest.decode(action: action, payload: payload, mode: .strict) {
        let again = try? ChargePointRequest.decode(action: action, payload: decoded.value.payload, mode: .strict)
        precondition(again?.value == decoded.value, "a strictly decoded request must survive encoding")
    }
    if let known = OCPPAction(rawValue: action) {
        _ = try? known.decodeConfirmation(payload, mode: .lenient)
    }
    return 0
}
