import Foundation
import JSON
import OCPP
import OCPP201
import TestSupport
import Testing

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

    @Test(arguments: OCPP201Messages.names)
    func everyFormSurvivesARoundTrip(_ name: String) throws {
        let schema = try JSONSchemaValidator(named: name)
        let sampler = SchemaSampler(schema)
        let samples = [sampler.minimal()] + (0..<sampler.variantCount).map { sampler.maximal(variant: $0) }
        for sample in samples {
            let payload = try #require(sample.objectValue)
            #expect(schema.violations(of: sample) == [], "the sample itself must be valid")
            let first = try OCPP201Messages.decode(name, payload)
            #expect(first.warnings == [])
            let encoded = first.value.jsonObject
            #expect(encoded == payload, "\(name): \(JSONWriter.string(.object(encoded)))")
            #expect(schema.violations(of: .object(encoded)) == [])
            let second = try OCPP201Messages.decode(name, encoded)
            #expect(AnyHashable(second.value) == AnyHashable(first.value))
        }
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
