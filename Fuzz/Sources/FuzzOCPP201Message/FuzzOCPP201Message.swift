import FuzzSupport
import JSON
import OCPP201

/// Parses the input as an OCPP-J 2.0.1 frame, as a 2.0.1 session would: a refusal must be a
/// CALLERROR in JSON answering the frame's id, with a description of at most 255 characters; a
/// parsed frame must encode to itself. A CALL's payload is decoded strictly and leniently as a station's request, validated as
/// a CSMS request and read as a response; what decodes strictly must encode to a payload that
/// decodes again to the same value.
@_cdecl("FuzzOCPP201Message_main")
public func fuzzOCPP201MessageMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzOCPP201Message)
}

func fuzzOCPP201Message(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    let frame: OCPP201Frame
    do {
        frame = try OCPP201Frame.parse(input)
    } catch {
        // The refusal answers the id as sent, even one too long or empty to be valid (RPCFrameError),
        // so it is held to JSON and to 2.0.1's description limit, not to the id rules.
        if let reply = error.reply {
            precondition((try? JSONParser.parse(reply.bytes())) != nil, "a refusal must be JSON")
            guard case .callError(let uniqueId, _, let description, _) = reply else {
                preconditionFailure("a refusal must be a CALLERROR")
            }
            precondition(uniqueId == error.uniqueId, "a refusal must answer the frame's id")
            precondition(description.unicodeScalars.count <= 255, "a 2.0.1 description has at most 255 characters")
        }
        return 0
    }
    precondition((try? OCPP201Frame.parse(frame.bytes())) == frame, "a parsed frame must encode to itself")
    guard case .call(_, let action, let payload) = frame else { return 0 }
    _ = try? ChargingStationRequest.decode(action: action, payload: payload, mode: .lenient)
    if let decoded = try? ChargingStationRequest.decode(action: action, payload: payload, mode: .strict) {
        let again = try? ChargingStationRequest.decode(action: action, payload: decoded.value.payload, mode: .strict)
        precondition(again?.value == decoded.value, "a strictly decoded request must survive encoding")
    }
    if let request = try? CSMSRequest.validate(action: action, payload: payload) {
        let again = try? CSMSRequest.validate(action: action, payload: request.payload)
        precondition(again == request, "a validated CSMS request must survive encoding")
    }
    if let known = OCPP201Action(rawValue: action) {
        _ = try? known.decodeResponse(payload, mode: .lenient)
        if let response = try? known.decodeResponse(payload, mode: .strict) {
            let again = try? known.decodeResponse(response.value.jsonObject, mode: .strict)
            precondition(
                again.map { AnyHashable($0.value) } == AnyHashable(response.value),
                "a strictly decoded response must survive encoding")
        }
    }
    return 0
}
