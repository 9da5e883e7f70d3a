import Foundation
import JSON
import OCPP
import Testing

@testable import OCPP

/// Strict decoding: each kind of schema violation gets its OCPP error code and a description
/// that names the field by its full path.
@Suite struct OCPPStrictValidationTests {
    private func violation<Payload: OCPPPayload>(
        _ type: Payload.Type, _ text: String, mode: OCPPValidationMode = .strict
    ) throws -> OCPPValidationError {
        let payload = try JSONParser.parse(text)
        do {
            _ = try Payload.decode(payload, mode: mode)
        } catch {
            return error
        }
        Issue.record("\(text) decoded without an error")
        return OCPPValidationError(code: .genericError, path: "", reason: "")
    }

    @Test func aMissingRequiredFieldIsAnOccurenceConstraintViolation() throws {
        let error = try violation(BootNotificationRequest.self, #"{"chargePointVendor":"VendorX"}"#)
        #expect(
            error
                == OCPPValidationError(
                    code: .occurenceConstraintViolation, path: "chargePointModel",
                    reason: "required property is missing"))
        #expect(error.description == "chargePointModel: required property is missing")
    }

    @Test func aMissingNestedFieldIsNamedByItsPath() throws {
        let error = try violation(
            MeterValuesRequest.self,
            #"{"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":"1"},{}]}]}"#)
        #expect(error.code == .occurenceConstraintViolation)
        #expect(error.description == "meterValue[0].sampledValue[1].value: required property is missing")
    }

    @Test func aWrongJSONTypeIsATypeConstraintViolation() throws {
        let error = try violation(
            StatusNotificationRequest.self, #"{"connectorId":"1","errorCode":"NoError","status":"Available"}"#)
        #expect(
            error
                == OCPPValidationError(
                    code: .typeConstraintViolation, path: "connectorId", reason: "expected an integer, got a string"))
    }

    @Test func aFractionWhereAnIntegerBelongsIsATypeConstraintViolation() throws {
        let error = try violation(UnlockConnectorRequest.self, #"{"connectorId":1.5}"#)
        #expect(error.description == "connectorId: expected an integer, got a number")
        #expect(error.code == .typeConstraintViolation)
    }

    /// OCPP 1.6 §6.45: a StartTransaction.req names a connector, `connectorId > 0`; the schema says
    /// only "integer", and connector -1 was accepted and recorded.
    @Test(arguments: [-1, 0])
    func aStartTransactionOnNoConnectorIsAPropertyConstraintViolation(connectorId: Int) throws {
        let text =
            #"{"connectorId":\#(connectorId),"idTag":"A","meterStart":0,"timestamp":"2026-11-25T08:00:00Z"}"#
        let error = try violation(StartTransactionRequest.self, text)
        #expect(
            error
                == OCPPValidationError(
                    code: .propertyConstraintViolation, path: "connectorId",
                    reason: "\(connectorId) is below the minimum of 1"))
        let lenient = try StartTransactionRequest.decode(try JSONParser.parse(text), mode: .lenient)
        #expect(lenient.warnings.map(\.path) == ["connectorId"], "lenient mode accepts it with a warning")
    }

    /// §6.47 and §6.31: 0 is the charge point as a whole (or its main meter), below that nothing.
    @Test func statusAndMeterValuesTakeConnectorZeroButNothingBelow() throws {
        let status = #"{"connectorId":0,"errorCode":"NoError","status":"Available"}"#
        _ = try StatusNotificationRequest.decode(try JSONParser.parse(status), mode: .strict)
        let meter =
            #"{"connectorId":0,"meterValue":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":"1"}]}]}"#
        _ = try MeterValuesRequest.decode(try JSONParser.parse(meter), mode: .strict)
        let negativeStatus = try violation(
            StatusNotificationRequest.self, #"{"connectorId":-1,"errorCode":"NoError","status":"Available"}"#)
        #expect(negativeStatus.description == "connectorId: -1 is below the minimum of 0")
        #expect(negativeStatus.code == .propertyConstraintViolation)
        let negativeMeter = try violation(
            MeterValuesRequest.self, meter.replacingOccurrences(of: #""connectorId":0"#, with: #""connectorId":-2"#))
        #expect(negativeMeter.description == "connectorId: -2 is below the minimum of 0")
    }

    @Test func nullIsATypeConstraintViolation() throws {
        let error = try violation(StopTransactionConfirmation.self, #"{"idTagInfo":null}"#)
        #expect(error.description == "idTagInfo: expected an object, got null")
        #expect(error.code == .typeConstraintViolation)
    }

    @Test func aNumberWhereAStringBelongsIsATypeConstraintViolation() throws {
        let error = try violation(
            MeterValuesRequest.self,
            #"{"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":1234}]}]}"#)
        #expect(error.description == "meterValue[0].sampledValue[0].value: expected a string, got a number")
        #expect(error.code == .typeConstraintViolation)
    }

    @Test func anUnknownEnumerationValueIsAPropertyConstraintViolation() throws {
        let error = try violation(
            MeterValuesRequest.self,
            #"""
            {"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T08:00:00Z",
             "sampledValue":[{"value":"1"},{"value":"2","unit":"kWhh"}]}]}
            """#)
        #expect(error.code == .propertyConstraintViolation)
        #expect(error.path == "meterValue[0].sampledValue[1].unit")
        #expect(
            error.reason == #""kWhh" is not one of Wh, kWh, varh, kvarh, W, kW, VA, kVA, var, kvar, A, V, K, "#
                + "Celcius, Celsius, Fahrenheit, Percent, Hertz")
    }

    @Test func hertzIsNotAUnitOfStopTransaction() throws {
        let error = try violation(
            StopTransactionRequest.self,
            #"""
            {"meterStop":1,"timestamp":"2026-11-25T08:00:00Z","transactionId":1,
             "transactionData":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[{"value":"50","unit":"Hertz"}]}]}
            """#)
        #expect(
            error.description
                == #"transactionData[0].sampledValue[0].unit: "Hertz" is not a unit StopTransaction allows"#)
        #expect(error.code == .propertyConstraintViolation)
    }

    @Test func anOverLongStringIsAPropertyConstraintViolation() throws {
        let error = try violation(AuthorizeRequest.self, #"{"idTag":"0123456789ABCDEF01234"}"#)
        #expect(
            error
                == OCPPValidationError(
                    code: .propertyConstraintViolation, path: "idTag",
                    reason: "21 characters, longer than the maximum of 20"))
    }

    @Test func maxLengthCountsCharactersNotBytes() throws {
        let decoded = try AuthorizeRequest.decode(JSONParser.parse(#"{"idTag":"ééééééééééééééééééé€"}"#))
        #expect(decoded.value.idTag.unicodeScalars.count == 20)
    }

    @Test func aBadDateTimeIsAPropertyConstraintViolation() throws {
        let error = try violation(
            StartTransactionRequest.self,
            #"{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"2026-11-25 08:00:00"}"#)
        #expect(
            error
                == OCPPValidationError(
                    code: .propertyConstraintViolation, path: "timestamp",
                    reason: #""2026-11-25 08:00:00" is not an RFC 3339 date-time"#))
    }

    @Test func aDateTimeWithoutAnOffsetIsRejectedInStrictMode() throws {
        let error = try violation(HeartbeatConfirmation.self, #"{"currentTime":"2026-11-25T08:00:00"}"#)
        #expect(error.code == .propertyConstraintViolation)
    }

    @Test func aLimitThatIsNotAMultipleOfATenthIsAPropertyConstraintViolation() throws {
        let error = try violation(
            SetChargingProfileRequest.self,
            #"""
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,
             "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
             "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":10.05}]}}}
            """#)
        #expect(
            error
                == OCPPValidationError(
                    code: .propertyConstraintViolation,
                    path: "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit",
                    reason: "10.05 is not a multiple of 0.1"))
    }

    @Test(arguments: [0.1, 0.3, 2.3, 6.0, 7.7, 10.1, 16, 22.2, 4600, 11_000.3, -1.1])
    func multiplesOfATenthAreAccepted(_ limit: Double) {
        #expect(OCPPObjectReader.isMultipleOfTenth(limit))
    }

    @Test func anExtraPropertyIsAFormationViolation() throws {
        let error = try violation(HeartbeatRequest.self, #"{"foo":1}"#)
        #expect(error == OCPPValidationError(code: .formationViolation, path: "foo", reason: "property is not allowed"))
        let nested = try violation(AuthorizeConfirmation.self, #"{"idTagInfo":{"status":"Accepted","bar":true}}"#)
        #expect(nested.description == "idTagInfo.bar: property is not allowed")
    }

    @Test func tooFewItemsIsAnOccurenceConstraintViolation() throws {
        let error = try violation(MeterValuesRequest.self, #"{"connectorId":1,"meterValue":[]}"#)
        #expect(
            error
                == OCPPValidationError(
                    code: .occurenceConstraintViolation, path: "meterValue", reason: "at least 1 item required, got 0"))
    }

    @Test func aURIMustHaveAScheme() throws {
        let error = try violation(
            UpdateFirmwareRequest.self, #"{"location":"firmware.bin","retrieveDate":"2026-11-25T08:00:00Z"}"#)
        #expect(error.description == #"location: "firmware.bin" is not a URI"#)
        #expect(error.code == .propertyConstraintViolation)
    }

    @Test func aPayloadMustBeAnObject() throws {
        let error = try violation(HeartbeatRequest.self, "[]")
        #expect(error.description == "the payload must be an object, got an array")
        #expect(error.code == .typeConstraintViolation)
    }

    @Test func aStringArrayNamesTheBadItem() throws {
        let error = try violation(GetConfigurationRequest.self, #"{"key":["A",2]}"#)
        #expect(error.description == "key[1]: expected a string, got a number")
    }

    @Test func decodedValuesHaveTheirTypes() throws {
        let decoded = try MeterValuesRequest.decode(JSONParser.parse(OCPPSamplePayloads.request(.meterValues)))
        let first = decoded.value.meterValue[0]
        #expect(first.timestamp == Date(timeIntervalSince1970: 1_795_590_000.5))
        #expect(
            first.sampledValue[0]
                == SampledValue(
                    value: "1234.5", context: .samplePeriodic, format: .raw, measurand: .energyActiveImportRegister,
                    location: .outlet, unit: .kilowattHours))
        #expect(first.sampledValue[3].phase == .l1N)
        #expect(first.sampledValue[5].measurand == .soc)
        #expect(decoded.value.transactionId == 17)
    }
}
