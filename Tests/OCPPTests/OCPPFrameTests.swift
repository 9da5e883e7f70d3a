import JSON
import OCPP
import Testing

@testable import OCPP

@Suite struct OCPPFrameTests {
    private func parse(_ text: String) throws(OCPPFrameError) -> OCPPFrame {
        try OCPPFrame.parse(Array(text.utf8))
    }

    private func failure(_ text: String) -> OCPPFrameError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorCodesUseTheStandardsSpellings() {
        #expect(
            OCPPErrorCode.allCases.map(\.rawValue) == [
                "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError",
                "FormationViolation", "PropertyConstraintViolation", "OccurenceConstraintViolation",
                "TypeConstraintViolation", "GenericError",
            ])
    }

    @Test func receivedErrorCodesAcceptCommonVariants() {
        #expect(OCPPErrorCode(received: "OccurenceConstraintViolation") == .occurenceConstraintViolation)
        #expect(OCPPErrorCode(received: "OccurrenceConstraintViolation") == .occurenceConstraintViolation)
        #expect(OCPPErrorCode(received: "FormatViolation") == .formationViolation)
        #expect(OCPPErrorCode(received: "SomethingElse") == .genericError)
    }

    @Test func parsesACall() throws {
        let frame = try parse(#"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX"}]"#)
        #expect(
            frame
                == .call(
                    uniqueId: "19223201", action: "BootNotification", payload: object(["chargePointVendor": "VendorX"]))
        )
        #expect(frame.uniqueId == "19223201")
        #expect(frame.messageType == .call)
    }

    @Test func parsesACallResultAndACallError() throws {
        #expect(
            try parse(#"[3,"a1",{"status":"Accepted"}]"#)
                == .callResult(uniqueId: "a1", payload: object(["status": "Accepted"])))
        #expect(
            try parse(#"[4,"a1","NotSupported","no smart charging",{"hint":1}]"#)
                == .callError(
                    uniqueId: "a1", code: .notSupported, description: "no smart charging", details: object(["hint": 1]))
        )
    }

    @Test func encodesAllThreeFramesExactly() {
        #expect(
            OCPPFrame.call(uniqueId: "42", action: "Heartbeat", payload: JSONObject()).text()
                == #"[2,"42","Heartbeat",{}]"#)
        #expect(
            OCPPFrame.callResult(uniqueId: "42", payload: object(["currentTime": "2026-11-25T08:00:00Z", "n": 1.5]))
                .text()
                == #"[3,"42",{"currentTime":"2026-11-25T08:00:00Z","n":1.5}]"#)
        #expect(
            OCPPFrame.callError(
                uniqueId: "4\"2", code: .occurenceConstraintViolation,
                description: "idTag: required property is missing",
                details: JSONObject()
            ).text() == #"[4,"4\"2","OccurenceConstraintViolation","idTag: required property is missing",{}]"#)
    }

    @Test func encodesTypedMessages() {
        let frame = OCPPFrame.call(uniqueId: "7", ResetRequest(type: .hard))
        #expect(frame.text() == #"[2,"7","Reset",{"type":"Hard"}]"#)
        #expect(
            OCPPFrame.callResult(uniqueId: "7", ResetConfirmation(status: .accepted)).text()
                == #"[3,"7",{"status":"Accepted"}]"#)
    }

    @Test func encodedFramesParseBack() throws {
        let frames: [OCPPFrame] = [
            .call(uniqueId: "x", action: "Authorize", payload: object(["idTag": "é😀\n"])),
            .callResult(uniqueId: "y", payload: object(["a": [1, 2.5, nil, true]])),
            .callError(uniqueId: "z", code: .genericError, description: "", details: object(["k": "v"])),
        ]
        for frame in frames { #expect(try OCPPFrame.parse(frame.bytes()) == frame) }
    }

    @Test func invalidJSONWithoutAReadableIdIsDropped() throws {
        for text in [#"[2,abc,"Heartbeat",{]"#, "not json", #"{"a":"#, #"[2,"a\"b","Heartbeat",{]"#, #"[2,"","x",{]"#] {
            let error = try #require(failure(text))
            #expect(error.uniqueId == nil)
            #expect(error.code == .formationViolation)
            #expect(error.message.hasPrefix("invalid JSON: "))
            #expect(error.reply == nil)
        }
    }

    @Test func invalidJSONAfterAReadableCallIdIsAnsweredWithFormationViolation() throws {
        let error = try #require(failure(#" [ 2 , "abc","Heartbeat",{]"#))
        #expect(error.uniqueId == "abc")
        #expect(error.messageTypeId == 2)
        #expect(
            error.reply
                == .callError(
                    uniqueId: "abc", code: .formationViolation,
                    description: "invalid JSON: line 1, column 27: expected a string key", details: JSONObject()))
    }

    @Test func invalidJSONInAResultIsNotAnswered() throws {
        let error = try #require(failure(#"[3,"abc",{"status":}]"#))
        #expect(error.uniqueId == "abc")
        #expect(error.reply == nil)
    }

    @Test func aValueThatIsNotAnArrayIsDropped() throws {
        let error = try #require(failure(#"{"id":"abc"}"#))
        #expect(
            error
                == OCPPFrameError(
                    uniqueId: nil, messageTypeId: nil, code: .formationViolation,
                    message: "an OCPP-J message is a JSON array, got an object"))
        #expect(error.reply == nil)
    }

    @Test func anEmptyArrayIsDropped() throws {
        let error = try #require(failure("[]"))
        #expect(error.code == .formationViolation)
        #expect(error.reply == nil)
    }

    @Test func anUnknownMessageTypeIsAnsweredWithProtocolError() throws {
        let error = try #require(failure(#"[5,"abc",{}]"#))
        #expect(error.code == .protocolError)
        #expect(
            error.reply
                == .callError(
                    uniqueId: "abc", code: .protocolError, description: "unknown message type 5", details: JSONObject())
        )
    }

    @Test func aMessageTypeThatIsNotANumberIsAnsweredWithFormationViolation() throws {
        let error = try #require(failure(#"["2","abc","Heartbeat",{}]"#))
        #expect(
            error.reply
                == .callError(
                    uniqueId: "abc", code: .formationViolation,
                    description: "the message type must be an integer, got a string",
                    details: JSONObject()))
    }

    @Test func aUniqueIdThatIsNotAStringCannotBeAnswered() throws {
        let error = try #require(failure(#"[2,19223201,"Heartbeat",{}]"#))
        #expect(error.code == .formationViolation)
        #expect(error.uniqueId == nil)
        #expect(error.message == "the unique id must be a string, got a number")
        #expect(error.reply == nil)
    }

    @Test func aUniqueIdLongerThan36CharactersIsAFormationViolation() throws {
        let longId = String(repeating: "a", count: 37)
        let error = try #require(failure(#"[2,"\#(longId)","Heartbeat",{}]"#))
        #expect(
            error.reply
                == .callError(
                    uniqueId: longId, code: .formationViolation,
                    description: "the unique id is 37 characters long, at most 36 are allowed", details: JSONObject()))
        let longest = String(repeating: "é", count: 36)
        #expect(try parse(#"[2,"\#(longest)","Heartbeat",{}]"#).uniqueId == longest)
    }

    @Test func aPayloadThatIsNotAnObjectIsAFormationViolation() throws {
        let error = try #require(failure(#"[2,"abc","Heartbeat",[]]"#))
        #expect(
            error.reply
                == .callError(
                    uniqueId: "abc", code: .formationViolation,
                    description: "the payload must be an object, got an array",
                    details: JSONObject()))
    }

    @Test func aWrongNumberOfElementsIsAFormationViolation() throws {
        let error = try #require(failure(#"[2,"abc","Heartbeat"]"#))
        #expect(
            error.reply
                == .callError(
                    uniqueId: "abc", code: .formationViolation,
                    description: "a message of type 2 has 4 elements, got 3",
                    details: JSONObject()))
    }

    @Test func anActionThatIsNotAStringIsAFormationViolation() throws {
        let error = try #require(failure(#"[2,"abc",7,{}]"#))
        #expect(error.code == .formationViolation)
        #expect(error.reply?.uniqueId == "abc")
    }

    @Test func brokenResultsAndErrorsAreNotAnswered() throws {
        let result = try #require(failure(#"[3,"abc","Accepted"]"#))
        #expect(result.uniqueId == "abc")
        #expect(result.messageTypeId == 3)
        #expect(result.reply == nil)
        let error = try #require(failure(#"[4,"abc","GenericError","x",[]]"#))
        #expect(error.message == "the error details must be an object, got an array")
        #expect(error.reply == nil)
    }
}
