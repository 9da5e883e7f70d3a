import Foundation
import JSON
import OCPP
import OCPP201
import TestSupport
import Testing

/// Messages as 2.0.1 chargers send them (the shapes of the OCPP 2.0.1 Part 2 examples and of
/// chargers in the field), decoded into the typed values that charger handling reads.
@Suite struct OCPP201FieldMessageTests {
    private func decodeCall(_ action: String, _ text: String) throws -> ChargingStationRequest {
        let payload = try #require(try JSONParser.parse(text).objectValue)
        let decoded = try ChargingStationRequest.decode(action: action, payload: payload)
        #expect(decoded.warnings == [])
        let schema = try JSONSchemaValidator(named: action + "Request")
        #expect(schema.violations(of: .object(payload)) == [], "the sample itself must be valid")
        #expect(schema.violations(of: .object(decoded.value.payload)) == [])
        return decoded.value
    }

    @Test func aBootNotification() throws {
        let request = try decodeCall(
            "BootNotification",
            #"""
            {"reason":"PowerUp","chargingStation":{"model":"Pulsar Plus","vendorName":"Wallbox",
             "serialNumber":"88034","firmwareVersion":"6.1.16","modem":{"iccid":"8931440400012345678"}}}
            """#)
        guard case .bootNotification(let boot) = request else {
            Issue.record("decoded as \(request.action)")
            return
        }
        #expect(boot.reason == .powerUp)
        #expect(boot.chargingStation.vendorName == "Wallbox")
        #expect(boot.chargingStation.modem?.iccid == "8931440400012345678")
        #expect(boot.chargingStation.modem?.imsi == nil)
    }

    @Test func aTransactionStartedWithItsMeterValuesAndIdToken() throws {
        let request = try decodeCall(
            "TransactionEvent",
            #"""
            {"eventType":"Started","timestamp":"2026-11-25T08:00:00.000Z","triggerReason":"Authorized","seqNo":0,
             "transactionInfo":{"transactionId":"f3b4e6a0-7c1d-4b8e-9a55-2f0c1d3e4a5b","chargingState":"EVConnected",
              "remoteStartId":17},
             "evse":{"id":1,"connectorId":1},"idToken":{"idToken":"04A2B3C4","type":"ISO14443"},
             "meterValue":[{"timestamp":"2026-11-25T08:00:00Z","sampledValue":[
              {"value":1234.5,"context":"Transaction.Begin","measurand":"Energy.Active.Import.Register",
               "unitOfMeasure":{"unit":"kWh","multiplier":0}},
              {"value":7.2,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"kW"}},
              {"value":10.2,"measurand":"Current.Import","phase":"L1"},
              {"value":231.4,"measurand":"Voltage","phase":"L1-N","location":"Outlet"}]}],
             "numberOfPhasesUsed":3,"offline":false}
            """#)
        guard case .transactionEvent(let event) = request else {
            Issue.record("decoded as \(request.action)")
            return
        }
        #expect(event.eventType == .started)
        #expect(event.triggerReason == .authorized)
        #expect(event.seqNo == 0)
        #expect(event.transactionInfo.transactionId == "f3b4e6a0-7c1d-4b8e-9a55-2f0c1d3e4a5b")
        #expect(event.transactionInfo.chargingState == .evConnected)
        #expect(event.transactionInfo.remoteStartId == 17)
        #expect(event.evse == EVSE(id: 1, connectorId: 1))
        #expect(event.idToken == IdToken(idToken: "04A2B3C4", type: .iso14443))
        let samples = try #require(event.meterValue?.first?.sampledValue)
        #expect(samples.map(\.value) == [1234.5, 7.2, 10.2, 231.4])
        #expect(
            samples.map(\.measurand) == [.energyActiveImportRegister, .powerActiveImport, .currentImport, .voltage])
        #expect(samples[0].context == .transactionBegin)
        #expect(samples[0].unitOfMeasure?.unit == "kWh")
        #expect(samples[3].phase == .l1N)
        #expect(event.timestamp == OCPPDateTime.parse("2026-11-25T08:00:00Z"))
    }

    @Test func aTransactionEndedWithItsReason() throws {
        let request = try decodeCall(
            "TransactionEvent",
            #"""
            {"eventType":"Ended","timestamp":"2026-11-25T10:00:00Z","triggerReason":"EVCommunicationLost","seqNo":7,
             "transactionInfo":{"transactionId":"TX-0001","stoppedReason":"EVDisconnected","timeSpentCharging":7140}}
            """#)
        guard case .transactionEvent(let event) = request else {
            Issue.record("decoded as \(request.action)")
            return
        }
        #expect(event.eventType == .ended)
        #expect(event.transactionInfo.stoppedReason == .evDisconnected)
        #expect(event.transactionInfo.timeSpentCharging == 7140)
        #expect(event.meterValue == nil && event.idToken == nil)
    }

    @Test func aStatusNotificationPerConnectorOfAnEVSE() throws {
        let request = try decodeCall(
            "StatusNotification",
            #"{"timestamp":"2026-11-25T08:00:00Z","connectorStatus":"Occupied","evseId":2,"connectorId":1}"#)
        #expect(
            request
                == .statusNotification(
                    StatusNotificationRequest(
                        timestamp: OCPPDateTime.parse("2026-11-25T08:00:00Z")!, connectorStatus: .occupied, evseId: 2,
                        connectorId: 1)))
    }

    @Test func aNotifyReportPartWithTheSmartChargingVariables() throws {
        let request = try decodeCall(
            "NotifyReport",
            #"""
            {"requestId":3,"generatedAt":"2026-11-25T08:00:05Z","seqNo":0,"tbc":true,"reportData":[
             {"component":{"name":"SmartChargingCtrlr"},"variable":{"name":"RateUnit"},
              "variableAttribute":[{"type":"Actual","value":"A,W","mutability":"ReadOnly","persistent":true}],
              "variableCharacteristics":{"dataType":"MemberList","valuesList":"A,W","supportsMonitoring":false}},
             {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"},
              "variableAttribute":[{"type":"MaxSet","value":"22080"}],
              "variableCharacteristics":{"unit":"W","dataType":"decimal","maxLimit":22080,"supportsMonitoring":true}}]}
            """#)
        guard case .notifyReport(let report) = request else {
            Issue.record("decoded as \(request.action)")
            return
        }
        #expect(report.tbc == true && report.seqNo == 0 && report.requestId == 3)
        let data = try #require(report.reportData)
        #expect(data[0].component == Component(name: "SmartChargingCtrlr"))
        #expect(data[0].variableAttribute[0].value == "A,W")
        #expect(data[0].variableAttribute[0].mutability == .readOnly)
        #expect(data[0].variableCharacteristics?.dataType == .memberList)
        #expect(data[1].component.evse?.id == 1)
        #expect(data[1].variableAttribute[0].type == .maxSet)
        #expect(data[1].variableCharacteristics?.maxLimit == 22080)
    }

    @Test func aSetChargingProfileBuiltInCodeIsValidAndWritesWhatTheChargerExpects() throws {
        let request = SetChargingProfileRequest(
            evseId: 1,
            chargingProfile: OCPP201.ChargingProfile(
                id: 1001, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile, chargingProfileKind: .absolute,
                chargingSchedule: [
                    OCPP201.ChargingSchedule(
                        id: 1, startSchedule: OCPPDateTime.parse("2026-11-25T08:00:00Z"), chargingRateUnit: .amperes,
                        chargingSchedulePeriod: [
                            OCPP201.ChargingSchedulePeriod(startPeriod: 0, limit: 16, numberPhases: 3),
                            OCPP201.ChargingSchedulePeriod(startPeriod: 1800, limit: 0),
                        ])
                ]))
        try request.validate()
        #expect(
            JSONWriter.string(request.json) == #"""
                {"evseId":1,"chargingProfile":{"id":1001,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",\#
                "chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"startSchedule":"2026-11-25T08:00:00Z",\#
                "chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16,"numberPhases":3},\#
                {"startPeriod":1800,"limit":0}]}]}}
                """#)
        #expect(
            OCPP201Frame.call(uniqueId: "42", request).text().hasPrefix(#"[2,"42","SetChargingProfile",{"evseId":1,"#))
    }

    @Test func aGetVariablesAnswerMixingAcceptedAndUnknownVariables() throws {
        let payload = object([
            "getVariableResult": [
                [
                    "attributeStatus": "Accepted", "attributeValue": "60", "component": ["name": "SampledDataCtrlr"],
                    "variable": ["name": "TxUpdatedInterval"],
                ],
                [
                    "attributeStatus": "UnknownVariable", "component": ["name": "SmartChargingCtrlr"],
                    "variable": ["name": "PeriodsPerSchedule"],
                    "attributeStatusInfo": ["reasonCode": "NotFound"],
                ],
            ]
        ])
        let response = try GetVariablesResponse.decode(payload).value
        #expect(response.getVariableResult.map(\.attributeStatus) == [.accepted, .unknownVariable])
        #expect(response.getVariableResult[0].attributeValue == "60")
        #expect(response.getVariableResult[1].attributeStatusInfo?.reasonCode == "NotFound")
    }
}
