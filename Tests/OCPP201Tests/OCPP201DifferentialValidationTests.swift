import JSON
import OCPP
import OCPP201
import TestSupport
import Testing

/// The generated decoders against the independent schema validator: the full sample of every
/// message is mutated field by field (removed, replaced by values of every JSON type and by values
/// just outside the bounds the schema sets, joined by an extra property, arrays emptied and
/// lengthened), and strict decoding must accept exactly the mutants the schema accepts and
/// re-encode them into schema-valid JSON. Lenient decoding must never accept less.
@Suite struct OCPP201DifferentialValidationTests {
    private static let replacements: [JSONValue] = [
        .null, 1, 1.5, -1, 101, "12", .string(String(repeating: "x", count: 600)), true, [], [:],
        "2026-11-25T08:00:00Z", "2026-11-25T08:00:00",
    ]

    /// Every variant of `value` (valid for `schema`) with one change somewhere inside it: the
    /// replacements above, and a string one character over its `maxLength` and an array one item
    /// over its `maxItems`, so that a bound off by one shows. Only the first item of an array is
    /// mutated: the samples' items are all alike.
    private static func mutants(of value: JSONValue, schema: JSONValue, in validator: JSONSchemaValidator)
        -> [JSONValue]
    {
        let schema = validator.resolved(schema)
        var result: [JSONValue] = []
        switch value {
        case .object(let object):
            var extended = object
            extended["unexpectedProperty"] = 1
            result.append(.object(extended))
            let properties = schema["properties"]?.objectValue ?? JSONObject()
            for (key, member) in object {
                let memberSchema = properties[key].map(validator.resolved) ?? [:]
                var removed = object
                removed[key] = nil
                result.append(.object(removed))
                var memberReplacements = replacements
                if let maxLength = memberSchema["maxLength"]?.intValue {
                    memberReplacements.append(.string(String(repeating: "y", count: maxLength + 1)))
                }
                if let maxItems = memberSchema["maxItems"]?.intValue, let item = member.arrayValue?.first {
                    memberReplacements.append(.array(Array(repeating: item, count: maxItems + 1)))
                }
                for replacement in memberReplacements where replacement != member {
                    var replaced = object
                    replaced[key] = replacement
                    result.append(.object(replaced))
                }
                for inner in mutants(of: member, schema: memberSchema, in: validator) {
                    var replaced = object
                    replaced[key] = inner
                    result.append(.object(replaced))
                }
            }
        case .array(let items):
            result.append(.array([]))
            if let first = items.first {
                result.append(.array(items + [first]))
                for inner in mutants(of: first, schema: schema["items"] ?? [:], in: validator) {
                    var replaced = items
                    replaced[0] = inner
                    result.append(.array(replaced))
                }
            }
        default:
            break
        }
        return result
    }

    /// All messages on one thread of their own, one after the other: the larger ones have
    /// thousands of mutants, which would hold the concurrency pool's two threads (servers in
    /// other tests need them), and a thread per message would compete with those servers' event
    /// loops for the two cores.
    @Test func strictDecodingAcceptsExactlyWhatTheSchemaAccepts() async throws {
        let problems = try await offPool { try OCPP201Messages.names.flatMap(Self.disagreements) }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    private static func disagreements(_ name: String) throws -> [String] {
        let schema = try JSONSchemaValidator(named: name)
        // One item per array: nested arrays of two would multiply the payload, and every mutant
        // decodes all of it.
        let sample = SchemaSampler(schema).maximal(items: 1)
        var problems: [String] = []
        for mutant in mutants(of: sample, schema: schema.schema, in: schema) {
            guard case .object(let payload) = mutant else { continue }
            let violations = schema.violations(of: mutant)
            let encoded = try? OCPP201Messages.decode(name, payload).value.jsonObject
            if (encoded != nil) != violations.isEmpty {
                problems.append(
                    "\(name): \(JSONWriter.string(mutant)) decoded: \(encoded != nil), schema: \(violations)")
            }
            if let encoded, !schema.violations(of: .object(encoded)).isEmpty {
                problems.append(
                    "\(name): \(JSONWriter.string(mutant)) encodes to \(JSONWriter.string(.object(encoded)))")
            }
            if violations.isEmpty, (try? OCPP201Messages.decode(name, payload, mode: .lenient)) == nil {
                problems.append("\(name): \(JSONWriter.string(mutant)) is refused in lenient mode")
            }
        }
        return problems
    }
}
