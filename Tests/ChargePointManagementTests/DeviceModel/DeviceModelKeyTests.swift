import OCPP201
import Testing

@testable import ChargePointManagement

/// Device model names (`Component.Variable`, docs/ocpp201.md) read back into the component and
/// variable the API's configuration endpoints send in GetVariables and SetVariables.
@Suite struct DeviceModelKeyTests {
    @Test(arguments: [
        "SmartChargingCtrlr.RateUnit", "EVSE@1.Power", "Connector@1:2.Type", "OCPPCommCtrlr[Default].MessageTimeout",
        "SampledDataCtrlr.TxUpdatedMeasurands[Main]", "Ctrlr[a.b]@2:1.Var[x@y]",
    ])
    func aNameReadsBackToTheSameName(name: String) throws {
        let key = try #require(DeviceModelKey(parsing: name))
        #expect(key.text == name)
    }

    @Test func thePartsLandWhereTheStandardPutsThem() throws {
        let key = try #require(DeviceModelKey(parsing: "Connector[Left]@1:2.Available[Actual]"))
        #expect(key.component == Component(evse: EVSE(id: 1, connectorId: 2), name: "Connector", instance: "Left"))
        #expect(key.variable == Variable(name: "Available", instance: "Actual"))
    }

    @Test(arguments: [
        "NoDot", ".Variable", "Component.", "EVSE@x.Power", "EVSE@1:2:3.Power", "C[open.V", "C.V[]", "C.V.W",
    ])
    func somethingElseIsNotAName(text: String) {
        #expect(DeviceModelKey(parsing: text) == nil)
    }
}
