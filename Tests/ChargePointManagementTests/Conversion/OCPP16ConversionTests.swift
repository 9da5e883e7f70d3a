import ChargingModel
import OCPP
import Testing

@testable import ChargePointManagement

/// What an OCPP 1.6 charger says, in the model's words.
@Suite struct OCPP16ConversionTests {
    @Test(arguments: [
        ("Current", LimitUnit.amps), ("Power", .watts), ("Current,Power", .amps), ("Power, Current", .amps),
        ("", .amps), (" power ", .watts), ("POWER,", .watts),
    ])
    func theLimitUnitFollowsTheAllowedUnits(allowed: String, unit: LimitUnit) {
        #expect(LimitUnit(ocpp16AllowedUnits: allowed) == unit)
    }

    @Test func everyStatusMapsToItselfAndAnUnknownOneToUnavailable() {
        for status in ConnectorStatus.allCases {
            #expect(ConnectorStatus(ChargePointStatus(spelling: status.rawValue)) == status)
        }
        // Lenient parsing lets odd spellings through: a known one in another case, or nonsense.
        #expect(ConnectorStatus(ChargePointStatus.unrecognized("charging")) == .charging)
        #expect(ConnectorStatus(ChargePointStatus.unrecognized("Charged")) == .unavailable)
    }

    @Test func theBootIdentityKeepsEveryField() {
        let boot = BootNotificationRequest(
            chargePointVendor: "V", chargePointModel: "M", chargePointSerialNumber: "S", chargeBoxSerialNumber: "B",
            firmwareVersion: "F", iccid: "I", imsi: "N", meterType: "T", meterSerialNumber: "R")
        #expect(
            ChargerIdentity(boot)
                == ChargerIdentity(
                    vendor: "V", model: "M", serialNumber: "S", chargeBoxSerialNumber: "B", firmwareVersion: "F",
                    iccid: "I", imsi: "N", meterType: "T", meterSerialNumber: "R"))
    }
}
