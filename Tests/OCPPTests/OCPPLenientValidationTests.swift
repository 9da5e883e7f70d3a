import JSON
import OCPP
import Testing

@testable import OCPP

/// Lenient decoding (`strict: false`) accepts what faulty firmware sends and says what it
/// tolerated; a missing required field is still an error.
@Suite struct OCPPLenientValidationTests {
    private func lenient<Payload: OCPPPayload>(
        _ type: Payload.Type, _ text: String
    ) throws -> OCPPDecoded<Payload> {
        try Payload.decode(JSONParser.parse(text), mode: .lenient)
    }

    @Test func acceptsAnExtraPropertyWithAWarning() throws {
        let decoded = try lenient(HeartbeatRequest.self, #"{"foo":1}"#)
        #expect(decoded.value == HeartbeatRequest())
        #expect(decoded.warnings == [OCPPValidationWarning(path: "foo", tolerated: "unexpected property ignored")])
    }

    @Test func keepsAnUnknownEnumerationValue() throws {
        let decoded = try lenient(
            StatusNotificationRequest.self, #"{"connectorId":1,"errorCode":"NoError","status":"Charging2"}"#)
        #expect(decoded.value.status == .unrecognized("Charging2"))
        #expect(decoded.value.status.spelling == "Charging2")
        #expect(!decoded.value.status.isKnown)
        #expect(decoded.warnings.map(\.description) == [#"status: unknown value "Charging2" kept"#])
    }

    @Test func matchesAnEnumerationValueInTheWrongCase() throws {
        let decoded = try lenient(RemoteStartTransactionConfirmation.self, #"{"status":"accepted"}"#)
        #expect(decoded.value.status == .accepted)
        #expect(decoded.warnings.map(\.description) == [#"status: "accepted" read as "Accepted""#])
    }

    @Test func acceptsAnOverLongIdTag() throws {
        let decoded = try lenient(AuthorizeRequest.self, #"{"idTag":"0123456789ABCDEF0123456"}"#)
        #expect(decoded.value.idTag == "0123456789ABCDEF0123456")
        #expect(decoded.warnings.map(\.description) == ["idTag: 23 characters accepted, longer than the maximum of 20"])
    }

    @Test func readsAnIntegerSentAsAString() throws {
        let decoded = try lenient(
            StatusNotificationRequest.self, #"{"connectorId":"12","errorCode":"NoError","status":"Available"}"#)
        #expect(decoded.value.connectorId == 12)
        #expect(decoded.warnings.map(\.description) == [#"connectorId: string "12" read as an integer"#])
    }

    @Test func readsANumberSentAsAStringAndAStringSentAsANumber() throws {
        let decoded = try lenient(
            GetCompositeScheduleConfirmation.self,
            #"""
            {"status":"Accepted","chargingSchedule":{"chargingRateUnit":"A",
             "chargingSchedulePeriod":[{"startPeriod":0,"limit":"16.0"}]}}
            """#)
        #expect(decoded.value.chargingSchedule?.chargingSchedulePeriod[0].limit == 16)
        let meter = try lenient(
            MeterValuesRequest.self,
            #"{"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":1234.5}]}]}"#)
        #expect(meter.value.meterValue[0].sampledValue[0].value == "1234.5")
        #expect(
            meter.warnings.map(\.description) == ["meterValue[0].sampledValue[0].value: number 1234.5 read as a string"]
        )
    }

    @Test func readsBooleansSentAsStringsAndNullsAsAbsent() throws {
        let decoded = try lenient(
            GetConfigurationConfirmation.self, #"{"configurationKey":[{"key":"K","readonly":"true","value":null}]}"#)
        #expect(decoded.value.configurationKey == [KeyValue(key: "K", readonly: true)])
        #expect(
            decoded.warnings.map(\.description) == [
                #"configurationKey[0].readonly: string "true" read as a boolean"#,
                "configurationKey[0].value: null read as an absent property",
            ])
    }

    @Test func readsADateTimeWithoutAnOffsetAsUTC() throws {
        let decoded = try lenient(HeartbeatConfirmation.self, #"{"currentTime":"2026-11-25T08:00:00"}"#)
        #expect(decoded.value.currentTime == OCPPDateTime.parse("2026-11-25T08:00:00Z"))
        #expect(decoded.warnings.count == 1)
    }

    @Test func acceptsHertzInStopTransactionWithAWarning() throws {
        let decoded = try lenient(
            StopTransactionRequest.self,
            #"""
            {"meterStop":1,"timestamp":"2026-11-25T08:00:00Z","transactionId":1,
             "transactionData":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":"50","unit":"Hertz"}]}]}
            """#)
        #expect(decoded.value.transactionData?[0].sampledValue[0].unit == .hertz)
        #expect(decoded.warnings.count == 1)
    }

    @Test func stillRejectsAMissingRequiredField() throws {
        #expect(
            throws: OCPPValidationError(
                code: .occurenceConstraintViolation, path: "chargePointModel", reason: "required property is missing")
        ) {
            try lenient(BootNotificationRequest.self, #"{"chargePointVendor":"VendorX","extra":1}"#)
        }
        // null is tolerated only where the field may be absent.
        #expect(
            throws: OCPPValidationError(
                code: .typeConstraintViolation, path: "status", reason: "expected a string, got null")
        ) {
            try lenient(StatusNotificationRequest.self, #"{"connectorId":1,"errorCode":"NoError","status":null}"#)
        }
    }

    @Test func stillRejectsValuesThatCannotBeRead() throws {
        #expect(
            throws: OCPPValidationError(
                code: .typeConstraintViolation, path: "connectorId", reason: #"expected an integer, got "one""#)
        ) {
            try lenient(UnlockConnectorRequest.self, #"{"connectorId":"one"}"#)
        }
        #expect(throws: OCPPValidationError.self) {
            try lenient(HeartbeatConfirmation.self, #"{"currentTime":"yesterday"}"#)
        }
    }

    @Test func collectsWarningsFromNestedObjectsInOrder() throws {
        let decoded = try lenient(
            MeterValuesRequest.self,
            #"""
            {"connectorId":"1","meterValue":[{"timestamp":"2026-11-25T08:00:00Z","x":1,
             "sampledValue":[{"value":"1","unit":"kwh"},{"value":"2","measurand":"Power.Active.Importt"}]}]}
            """#)
        #expect(
            decoded.warnings.map(\.description) == [
                #"connectorId: string "1" read as an integer"#,
                #"meterValue[0].sampledValue[0].unit: "kwh" read as "kWh""#,
                #"meterValue[0].sampledValue[1].measurand: unknown value "Power.Active.Importt" kept"#,
                "meterValue[0].x: unexpected property ignored",
            ])
    }
}
