import OCPP
import Testing

@testable import OCPP

/// `validate()` catches, before sending, what encoding cannot repair.
@Suite struct OCPPValueValidationTests {
    @Test func acceptsAValidValueBuiltInCode() throws {
        try RemoteStartTransactionRequest(connectorId: 1, idTag: "ampwise").validate()
    }

    @Test func reportsWhatEncodingCannotRepair() {
        #expect(
            throws: OCPPValidationError(
                code: .propertyConstraintViolation, path: "idTag",
                reason: "21 characters, longer than the maximum of 20")
        ) {
            try RemoteStartTransactionRequest(idTag: String(repeating: "x", count: 21)).validate()
        }
        #expect(throws: OCPPValidationError.self) {
            try ResetRequest(type: .unrecognized("Medium")).validate()
        }
    }

    @Test func exposesTheTypedRequestOfADecodedCall() throws {
        let decoded = try ChargePointRequest.decode(action: "Authorize", payload: object(["idTag": "A"]))
        #expect(decoded.value.request as? AuthorizeRequest == AuthorizeRequest(idTag: "A"))
    }
}
