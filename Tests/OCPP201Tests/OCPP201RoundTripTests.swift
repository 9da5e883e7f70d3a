import Foundation
import JSON
import OCPP201
import TestSupport
import Testing

import struct OCPP.OCPPDecoded
import protocol OCPP.OCPPObjectCodable

/// Every request and response of OCPP 2.0.1, in its smallest form and in as many full forms as it
/// takes to use every value of every enumeration: the sample (made from the schema alone) decodes
/// strictly without warnings, encodes back to exactly the sample, which its schema accepts, and
/// decodes again to the same value.
@Suite struct OCPP201RoundTripTests {
    @Test func everySchemaIsAMessageOfAnAction() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ocpp201-schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(OCPP201Messages.names))
        #expect(OCPP201Messages.names.count == 128)
    }

    /// All messages on one thread of their own, one after the other: off the concurrency pool,
    /// whose two threads servers in other tests need, and without a thread per message competing
    /// with those servers' event loops for the two cores.
    @Test func everyFormOfEveryMessageSurvivesARoundTrip() async throws {
        let problems = try await offPool { try OCPP201Messages.names.flatMap(Self.roundTripProblems) }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    private static func roundTripProblems(_ name: String) throws -> [String] {
        let schema = try JSONSchemaValidator(named: name)
        let sampler = SchemaSampler(schema)
        // The first full form has two items per array; the others, there for the enumeration
        // values, one.
        let samples =
            [sampler.minimal(), sampler.maximal()]
            + (1..<sampler.variantCount).map { sampler.maximal(variant: $0, items: 1) }
        var problems: [String] = []
        for sample in samples {
            guard case .object(let payload) = sample, schema.violations(of: sample).isEmpty else {
                problems.append("\(name): the sample is not valid: \(schema.violations(of: sample))")
                continue
            }
            let first: OCPPDecoded<any OCPPObjectCodable>
            do {
                first = try OCPP201Messages.decode(name, payload)
            } catch {
                problems.append("\(name): \(error) in \(JSONWriter.string(sample))")
                continue
            }
            if !first.warnings.isEmpty { problems.append("\(name): warnings \(first.warnings)") }
            let encoded = first.value.jsonObject
            if encoded != payload {
                problems.append(
                    "\(name): \(JSONWriter.string(sample)) encodes to \(JSONWriter.string(.object(encoded)))")
            }
            let violations = schema.violations(of: .object(encoded))
            if !violations.isEmpty { problems.append("\(name): the encoding breaks its schema: \(violations)") }
            let second = try? OCPP201Messages.decode(name, encoded)
            if second.map({ AnyHashable($0.value) }) != AnyHashable(first.value) {
                problems.append("\(name): \(JSONWriter.string(.object(encoded))) decodes to another value")
            }
        }
        return problems
    }

    @Test(arguments: OCPP201Action.allCases)
    func typesKnowTheirActionAndResponse(_ action: OCPP201Action) throws {
        #expect(action.requestType.action == action)
        #expect("\(action.requestType)" == action.rawValue + "Request")
        #expect("\(action.responseType)" == action.rawValue + "Response")
        let decoded = try action.decodeResponse(OCPP201Messages.sample(action.rawValue + "Response"))
        #expect(type(of: decoded.value) == action.responseType)
    }

    /// Dates come in with any offset and precision; they are written in UTC, to the millisecond.
    @Test func datesAreWrittenInUTC() throws {
        let payload = object([
            "currentTime": "2026-11-25T09:30:00.2504+01:00", "interval": 300, "status": "Accepted",
        ])
        let decoded = try BootNotificationResponse.decode(payload)
        #expect(decoded.value.jsonObject["currentTime"] == "2026-11-25T08:30:00.250Z")
    }
}
