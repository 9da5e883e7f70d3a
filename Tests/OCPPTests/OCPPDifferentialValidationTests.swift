import JSON
import OCPP
import TestSupport
import Testing

@testable import OCPP

/// The decoder against the independent schema validator: every sample is mutated field by
/// field (removed, replaced by values of every JSON type, joined by an extra property), and
/// strict decoding must accept exactly the mutants the schema accepts, and re-encode those
/// into schema-valid JSON. Lenient decoding must never accept less than strict decoding.
@Suite struct OCPPDifferentialValidationTests {
    private static let replacements: [JSONValue] = [
        .null, 1, 1.5, -3, "12", "Accepted", .string(String(repeating: "x", count: 600)), true, [], [:],
        ["status": "Accepted"], "2026-11-25T08:00:00Z", "https://example.com/f.bin",
    ]

    /// Every variant of `value` with one change somewhere inside it.
    private static func mutants(of value: JSONValue) -> [JSONValue] {
        var result: [JSONValue] = []
        switch value {
        case .object(let object):
            var extended = object
            extended["unexpectedProperty"] = 1
            result.append(.object(extended))
            for (key, member) in object {
                var removed = object
                removed[key] = nil
                result.append(.object(removed))
                for replacement in replacements where replacement != member {
                    var replaced = object
                    replaced[key] = replacement
                    result.append(.object(replaced))
                }
                for inner in mutants(of: member) {
                    var replaced = object
                    replaced[key] = inner
                    result.append(.object(replaced))
                }
            }
        case .array(let items):
            result.append(.array([]))
            for (index, item) in items.enumerated() {
                for inner in mutants(of: item) {
                    var replaced = items
                    replaced[index] = inner
                    result.append(.array(replaced))
                }
            }
        default:
            break
        }
        return result
    }

    @Test(arguments: OCPPAction.allCases)
    func strictDecodingAcceptsExactlyWhatTheSchemaAccepts(_ action: OCPPAction) throws {
        for isRequest in [true, false] {
            let name = isRequest ? action.rawValue : action.rawValue + "Response"
            let schema = try JSONSchemaValidator(named: name)
            let text = isRequest ? OCPPSamplePayloads.request(action) : OCPPSamplePayloads.confirmation(action)
            let sample = try JSONParser.parse(text)
            func decode(_ payload: JSONObject, _ mode: OCPPValidationMode) throws -> JSONObject {
                isRequest
                    ? try action.decodeRequest(payload, mode: mode).value.jsonObject
                    : try action.decodeConfirmation(payload, mode: mode).value.jsonObject
            }
            for mutant in Self.mutants(of: sample) {
                guard case .object(let payload) = mutant else { continue }
                let schemaAccepts = schema.violations(of: mutant).isEmpty
                let encoded = try? decode(payload, .strict)
                #expect(
                    (encoded != nil) == schemaAccepts,
                    "\(name): \(JSONWriter.string(mutant)) schema: \(schema.violations(of: mutant))")
                if let encoded {
                    #expect(schema.violations(of: .object(encoded)) == [], "\(name): \(JSONWriter.string(mutant))")
                }
                if schemaAccepts {
                    #expect(throws: Never.self, "\(name) lenient") { _ = try decode(payload, .lenient) }
                }
            }
        }
    }
}
