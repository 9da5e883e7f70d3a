import ChargingModel
import Foundation
import OCPP
import OCPP201
import Testing

@testable import ChargePointManagement

/// The 2.0.1 edge's conversions: the status mapping of docs/ocpp201.md, meter values, and the
/// commands as 2.0.1 requests.
@Suite struct OCPP201ConversionTests {
    @Test(arguments: [
        (ConnectorStatusEnum.available, OCPP201TransactionPhase.notAuthorised, ConnectorStatus.available),
        (.reserved, .notAuthorised, .reserved),
        (.unavailable, .notAuthorised, .unavailable),
        (.faulted, .authorised(.charging), .faulted),
        (.occupied, .notAuthorised, .preparing),
        (.occupied, .endedWhileOccupied, .finishing),
        (.occupied, .authorised(.charging), .charging),
        (.occupied, .authorised(.suspendedEVSE), .suspendedEVSE),
        (.occupied, .authorised(.suspendedEV), .suspendedEV),
        (.occupied, .authorised(.evConnected), .suspendedEV),
        (.occupied, .authorised(nil), .suspendedEV),
        (.unrecognized("Flooded"), .notAuthorised, .unavailable),
    ])
    func statusMapping(status: ConnectorStatusEnum, phase: OCPP201TransactionPhase, expected: ConnectorStatus) {
        #expect(ConnectorStatus(ocpp201: status, transaction: phase) == expected)
    }

    @Test func anEVSEIsOccupiedWhenAnyOfItsConnectorsIs() {
        var evse = OCPP201EVSEState()
        #expect(evse.status == nil)
        evse.connectorStatuses = [1: .available, 2: .faulted]
        #expect(evse.status == .available)
        evse.connectorStatuses[2] = .occupied
        #expect(evse.status == .preparing)
        evse.connectorStatuses = [1: .unavailable, 2: .faulted]
        #expect(evse.status == .faulted)
    }

    @Test func aMeterValueKeepsItsMeasurandPhaseAndUnitAndAppliesItsMultiplier() {
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let converted = OCPP.MeterValue(
            ocpp201: OCPP201.MeterValue(
                sampledValue: [
                    OCPP201.SampledValue(
                        value: 12.5, context: .transactionBegin, measurand: .energyActiveImportRegister, phase: .l1,
                        location: .outlet, unitOfMeasure: OCPP201.UnitOfMeasure(unit: "kWh", multiplier: -1)),
                    OCPP201.SampledValue(value: 230),
                ], timestamp: at))
        #expect(converted.timestamp == at)
        #expect(
            converted.sampledValue == [
                OCPP.SampledValue(
                    value: "1.25", context: .transactionBegin, measurand: .energyActiveImportRegister, phase: .l1,
                    location: .outlet, unit: .kilowattHours),
                OCPP.SampledValue(value: "230.0"),
            ])
    }

    @Test func commandsBecomeTheirOCPP201Requests() throws {
        let start = ChargerCommand.startTransaction(connectorId: 2, idTag: "ampwise")
            .ocpp201Request(chargerTransactionId: { _ in nil }, remoteStartId: 41)
        #expect(
            start as? RequestStartTransactionRequest
                == RequestStartTransactionRequest(
                    evseId: 2, idToken: IdToken(idToken: "ampwise", type: .central), remoteStartId: 41))
        let stop = ChargerCommand.stopTransaction(transactionId: 7).ocpp201Request(
            chargerTransactionId: { $0 == 7 ? "TX-7" : nil }, remoteStartId: 0)
        #expect(stop as? RequestStopTransactionRequest == RequestStopTransactionRequest(transactionId: "TX-7"))
        #expect(
            ChargerCommand.stopTransaction(transactionId: 8).ocpp201Request(
                chargerTransactionId: { _ in nil }, remoteStartId: 0) == nil)
        let available = ChargerCommand.changeAvailability(connectorId: 0, available: false)
            .ocpp201Request(chargerTransactionId: { _ in nil }, remoteStartId: 0)
        #expect(
            available as? OCPP201.ChangeAvailabilityRequest
                == OCPP201.ChangeAvailabilityRequest(operationalStatus: .inoperative))
    }

    @Test func limitsAreProfilesOnTheEVSEOrTheWholeStation() throws {
        let txDefault = ChargingModel.ChargingLimit(
            connectorId: 2, purpose: .txDefaultProfile, profileId: 102, stackLevel: 1, unit: .amps, value: 0,
            phases: 3)
        let request = try #require(txDefault.ocpp201Request(chargerTransactionId: { _ in nil }))
        #expect(request.evseId == 2)
        #expect(request.chargingProfile.chargingProfilePurpose == .txDefaultProfile)
        #expect(request.chargingProfile.chargingProfileKind == .relative)
        #expect(
            request.chargingProfile.chargingSchedule == [
                OCPP201.ChargingSchedule(
                    id: 102, chargingRateUnit: .amperes,
                    chargingSchedulePeriod: [OCPP201.ChargingSchedulePeriod(startPeriod: 0, limit: 0, numberPhases: 3)])
            ])
        // Checked against the schema, as the dispatcher does before sending.
        _ = try OCPP201.SetChargingProfileRequest.decode(request.jsonObject)

        var max = txDefault
        max.purpose = .chargePointMaxProfile
        max.unit = .watts
        max.startsAt = Date(timeIntervalSince1970: 1_795_000_000)
        let maxRequest = try #require(max.ocpp201Request(chargerTransactionId: { _ in nil }))
        #expect(maxRequest.evseId == 0)
        #expect(maxRequest.chargingProfile.chargingProfilePurpose == .chargingStationMaxProfile)
        #expect(maxRequest.chargingProfile.chargingSchedule.first?.chargingRateUnit == .watts)

        var tx = txDefault
        tx.purpose = .txProfile
        tx.transactionId = 5
        #expect(tx.ocpp201Request(chargerTransactionId: { _ in nil }) == nil)
        #expect(tx.ocpp201Request(chargerTransactionId: { _ in "TX-5" })?.chargingProfile.transactionId == "TX-5")
    }

    @Test(arguments: [("A", LimitUnit.amps), ("W", .watts), ("A,W", .amps), (nil, .amps)] as [(String?, LimitUnit)])
    func theRateUnitComesFromTheDeviceModel(rateUnit: String?, expected: LimitUnit) {
        #expect(LimitUnit(ocpp201RateUnits: rateUnit) == expected)
    }
}
