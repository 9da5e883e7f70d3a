import JSON
import OCPP201
import Testing

import typealias OCPP.OCPPCallError
import enum OCPP.OCPPErrorCode
import typealias OCPP.OCPPFrame
import typealias OCPP.OCPPFrameError
import struct OCPP.OCPPValidationError

/// The OCPP-J 2.0.1 RPC (Part 4): its error codes, how a broken frame and a schema violation map
/// onto them, and the frames themselves. The 1.6 mapping stays as it was.
@Suite struct OCPP201RPCTests {
    private func parse(_ text: String) throws(OCPP201FrameError) -> OCPP201Frame {
        try OCPP201Frame.parse(Array(text.utf8))
    }

    private func failure(_ text: String) -> OCPP201FrameError? {
        do {
            let frame = try parse(text)
            Issue.record("\(text) parsed: \(frame)")
            return nil
        } catch {
            return error
        }
    }

    @Test func errorCodesUseTheStandardsSpellings() {
        #expect(
            OCPP201ErrorCode.allCases.map(\.rawValue) == [
                "FormatViolation", "GenericError", "InternalError", "MessageTypeNotSupported", "NotImplemented",
                "NotSupported", "OccurrenceConstraintViolation", "PropertyConstraintViolation", "ProtocolError",
                "RpcFrameworkError", "SecurityError", "TypeConstraintViolation",
            ])
    }

    @Test func receivedCodesForgiveTheOCPP16Spellings() {
        #expect(OCPP201ErrorCode(received: "FormatViolation") == .formatViolation)
        #expect(OCPP201ErrorCode(received: "FormationViolation") == .formatViolation)
        #expect(OCPP201ErrorCode(received: "OccurenceConstraintViolation") == .occurrenceConstraintViolation)
        #expect(OCPP201ErrorCode(received: "RpcFrameworkError") == .rpcFrameworkError)
        #expect(OCPP201ErrorCode(received: "Nonsense") == .genericError)
    }

    @Test(arguments: [
        (OCPPErrorCode.formationViolation, OCPP201ErrorCode.formatViolation),
        (.occurenceConstraintViolation, .occurrenceConstraintViolation),
        (.typeConstraintViolation, .typeConstraintViolation),
        (.propertyConstraintViolation, .propertyConstraintViolation),
        (.notImplemented, .notImplemented), (.notSupported, .notSupported), (.internalError, .internalError),
        (.protocolError, .protocolError), (.securityError, .securityError), (.genericError, .genericError),
    ])
    func eachKindOfViolationHasIts201Code(_ kind: OCPPErrorCode, _ expected: OCPP201ErrorCode) {
        let violation = OCPPValidationError(code: kind, path: "a.b", reason: "why")
        #expect(OCPP201ErrorCode(violation) == expected)
        #expect(OCPP201CallError(violation) == OCPP201CallError(code: expected, message: "a.b: why"))
    }

    @Test func aMalformedFrameWithAReadableIdIsAnRpcFrameworkError() throws {
        let shortCall = try #require(failure(#"[2,"m1","Heartbeat"]"#))
        #expect(
            shortCall.reply
                == .callError(
                    uniqueId: "m1", code: .rpcFrameworkError, description: "a message of type 2 has 4 elements, got 3",
                    details: JSONObject()))
        let brokenJSON = try #require(failure(#"[2,"m2","Heartbeat",{"#))
        #expect(brokenJSON.code == .rpcFrameworkError)
        #expect(brokenJSON.reply?.uniqueId == "m2")
        #expect(try #require(failure(#"[2,"m3",7,{}]"#)).code == .rpcFrameworkError)
        #expect(try #require(failure(#"{"not":"an array"}"#)).reply == nil, "nothing to answer without an id")
    }

    @Test func anUnknownMessageTypeIsMessageTypeNotSupportedIn201AndAProtocolErrorIn16() throws {
        let frame = #"[6,"m4","NotifyPeriodicEventStream",{}]"#
        let error = try #require(failure(frame))
        #expect(
            error.reply
                == .callError(
                    uniqueId: "m4", code: .messageTypeNotSupported, description: "unknown message type 6",
                    details: JSONObject()))
        do {
            _ = try OCPPFrame.parse(Array(frame.utf8))
            Issue.record("1.6 parsed \(frame)")
        } catch {
            #expect(error.code == .protocolError)
        }
    }

    /// The input of the fuzzer's first finding: the refusal answers the id as sent, though a valid
    /// id has at most 36 characters, so that the peer can match it.
    @Test func anUnknownMessageTypeWithAnOverLongIdIsStillAnswered() throws {
        let id = "erioiodicEventdicEvenPeriodicEventStream"
        let error = try #require(failure(#"[6,"\#(id)",{}]"#))
        #expect(
            error.reply
                == .callError(
                    uniqueId: id, code: .messageTypeNotSupported, description: "unknown message type 6",
                    details: JSONObject()))
    }

    @Test func aBrokenAnswerIsNotAnswered() throws {
        #expect(try #require(failure(#"[3,"m5"]"#)).reply == nil)
        #expect(try #require(failure(#"[4,"m6","GenericError"]"#)).reply == nil)
    }

    @Test func parsesACallErrorWithA16SpellingFromOlderFirmware() throws {
        #expect(
            try parse(#"[4,"m7","OccurenceConstraintViolation","idToken missing",{"field":"idToken"}]"#)
                == .callError(
                    uniqueId: "m7", code: .occurrenceConstraintViolation, description: "idToken missing",
                    details: object(["field": "idToken"])))
    }

    @Test func writesFramesExactly() {
        #expect(OCPP201Frame.call(uniqueId: "1", HeartbeatRequest()).text() == #"[2,"1","Heartbeat",{}]"#)
        #expect(
            OCPP201Frame.callResult(uniqueId: "1", ClearCacheResponse(status: .accepted)).text()
                == #"[3,"1",{"status":"Accepted"}]"#)
        let refusal = OCPP201CallError(code: .formatViolation, message: "colour: property is not allowed")
        #expect(
            refusal.frame(answering: "1").text() == #"[4,"1","FormatViolation","colour: property is not allowed",{}]"#)
    }

    /// OCPP-J 2.0.1 limits a description to 255 characters; 1.6 sets no limit.
    @Test func onlyA201DescriptionIsCut() {
        let long = String(repeating: "é", count: 300)
        guard
            case .callError(_, _, let description, _) = OCPP201CallError(code: .genericError, message: long).frame(
                answering: "1")
        else { return }
        #expect(description.unicodeScalars.count == 255)
        #expect(description == String(repeating: "é", count: 254) + "…")
        guard
            case .callError(_, _, let description16, _) = OCPPCallError(code: .genericError, message: long)
                .frame(answering: "1")
        else { return }
        #expect(description16 == long)
    }
}
