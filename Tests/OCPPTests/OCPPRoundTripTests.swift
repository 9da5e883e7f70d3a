import JSON
import OCPP
import TestSupport
import Testing

@testable import OCPP

/// Every action, request and confirmation: the sample decodes strictly, encodes to JSON that
/// its schema file accepts, and decodes again to the same value.
@Suite struct OCPPRoundTripTests {
    private func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    @Test func everyActionHasASample() {
        #expect(OCPPAction.allCases.count == 39)
    }

    @Test(arguments: OCPPAction.allCases)
    func requestSurvivesARoundTrip(_ action: OCPPAction) throws {
        let schema = try JSONSchemaValidator(named: action.rawValue)
        let sample = try object(OCPPSamplePayloads.request(action))
        #expect(schema.violations(of: .object(sample)) == [], "the sample itself must be valid")
        let first = try action.decodeRequest(sample)
        #expect(first.warnings == [])
        #expect(type(of: first.value).action == action)
        let encoded = first.value.jsonObject
        #expect(schema.violations(of: .object(encoded)) == [])
        let second = try action.decodeRequest(encoded)
        #expect(AnyHashable(second.value) == AnyHashable(first.value))
        #expect(second.value.jsonObject == encoded)
    }

    @Test(arguments: OCPPAction.allCases)
    func confirmationSurvivesARoundTrip(_ action: OCPPAction) throws {
        let schema = try JSONSchemaValidator(named: action.rawValue + "Response")
        let sample = try object(OCPPSamplePayloads.confirmation(action))
        #expect(schema.violations(of: .object(sample)) == [], "the sample itself must be valid")
        let first = try action.decodeConfirmation(sample)
        #expect(first.warnings == [])
        #expect(type(of: first.value) == action.confirmationType)
        let encoded = first.value.jsonObject
        #expect(schema.violations(of: .object(encoded)) == [])
        let second = try action.decodeConfirmation(encoded)
        #expect(AnyHashable(second.value) == AnyHashable(first.value))
        #expect(second.value.jsonObject == encoded)
    }

    @Test(arguments: OCPPAction.allCases)
    func encodingKeepsEveryFieldOfTheSample(_ action: OCPPAction) throws {
        // Dates are rewritten in UTC and 6.0 is written as 6, so compare key sets recursively.
        let request = try object(OCPPSamplePayloads.request(action))
        let confirmation = try object(OCPPSamplePayloads.confirmation(action))
        let encodedRequest = try action.decodeRequest(request).value.jsonObject
        let encodedConfirmation = try action.decodeConfirmation(confirmation).value.jsonObject
        #expect(Self.shape(of: .object(encodedRequest)) == Self.shape(of: .object(request)))
        #expect(Self.shape(of: .object(encodedConfirmation)) == Self.shape(of: .object(confirmation)))
    }

    private static func shape(of value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(JSONObject(object.map { ($0.key, shape(of: $0.value)) }))
        case .array(let items): .array(items.map(shape(of:)))
        default: .null
        }
    }

    @Test(arguments: OCPPAction.allCases.filter(\.isSentByChargePoint))
    func chargerRequestsDecodeIntoTheirCase(_ action: OCPPAction) throws {
        let sample = try object(OCPPSamplePayloads.request(action))
        let decoded = try ChargePointRequest.decode(action: action.rawValue, payload: sample)
        #expect(decoded.value.action == action)
        #expect(decoded.value.payload == (try action.decodeRequest(sample)).value.jsonObject)
    }

    @Test(arguments: OCPPAction.allCases.filter(\.isSentByCentralSystem))
    func centralSystemRequestsValidateIntoTheirCase(_ action: OCPPAction) throws {
        let sample = try object(OCPPSamplePayloads.request(action))
        let request = try CentralSystemRequest.validate(action: action.rawValue, payload: sample)
        #expect(request.action == action)
        #expect(request.payload == (try action.decodeRequest(sample)).value.jsonObject)
    }
}
