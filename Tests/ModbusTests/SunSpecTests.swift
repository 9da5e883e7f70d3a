import Modbus
import Testing

@Suite struct SunSpecTests {
    /// A model 203 block (ID, L, then the points) with W = -2345 and W_SF = -1, TotWhImp = 123456
    /// with TotWh_SF = 0, A unimplemented.
    static var meterBlock: [UInt16] {
        var block = [UInt16](repeating: 0, count: 107)
        block[0] = 203
        block[1] = 105
        block[2] = 0x8000
        block[6] = 0
        block[18] = UInt16(bitPattern: -23450)
        block[22] = UInt16(bitPattern: -1)
        block[46] = 0x0001
        block[47] = 0xE240
        block[54] = 0
        return block
    }

    @Test func appliesTheScaleFactor() throws {
        let layout = SunSpecModelLayout.meter
        #expect(try layout.points["W"]!.value(in: SunSpecTests.meterBlock) == -2345)
        #expect(try layout.points["TotWhImp"]!.value(in: SunSpecTests.meterBlock) == 123_456)
    }

    @Test func aPositiveScaleFactorMultiplies() throws {
        var block = [UInt16](repeating: 0, count: 52)
        block[14] = 450
        block[15] = 1
        #expect(try SunSpecModelLayout.inverter.points["W"]!.value(in: block) == 4500)
    }

    @Test func saysWhenThePointOrItsScaleFactorIsNotImplemented() {
        #expect(throws: SunSpecError.notImplemented(point: "A")) {
            try SunSpecModelLayout.meter.points["A"]!.value(in: SunSpecTests.meterBlock)
        }
        var block = SunSpecTests.meterBlock
        block[22] = 0x8000
        #expect(throws: SunSpecError.notImplemented(point: "W's scale factor")) {
            try SunSpecModelLayout.meter.points["W"]!.value(in: block)
        }
    }

    @Test func floatInvertersHaveNoScaleFactor() throws {
        var block = [UInt16](repeating: 0, count: 62)
        // 4100.25 = 0x4580_2200.
        block[22] = 0x4580
        block[23] = 0x2200
        #expect(try SunSpecModelLayout.floatInverter.points["W"]!.value(in: block) == 4100.25)
    }

    @Test func everyPointOfAFamilyFitsItsModel() {
        // The model lengths of the definitions: meters 105, integer inverters 50, float inverters 60.
        #expect(SunSpecModelLayout.meter.registerCount(for: Array(SunSpecModelLayout.meter.points.values)) <= 107)
        #expect(SunSpecModelLayout.inverter.registerCount(for: Array(SunSpecModelLayout.inverter.points.values)) <= 52)
        #expect(
            SunSpecModelLayout.floatInverter.registerCount(for: Array(SunSpecModelLayout.floatInverter.points.values))
                <= 62)
        #expect(SunSpecDeviceKind.inverter.pointNames.contains("DCW"))
        #expect(SunSpecDeviceKind.meter.pointNames.contains("TotWhExp"))
    }

    @Test func discoversTheMarkerAtTheNextBaseAndListsTheModels() async throws {
        // No SunSpec at 40000 (an exception), the marker at 0: common model, inverter 103, meter 203, end.
        var map = RegisterMap()
        map.put(0, [0x5375, 0x6E53])
        var common = [UInt16](repeating: 0, count: 68)
        common[0] = 1
        common[1] = 66
        common[2] = 0x4672  // "Fr"
        common[3] = 0x6F6E  // "on"
        common[4] = 0x6975  // "iu"
        common[5] = 0x7300  // "s"
        common[18] = 0x5379  // "Sy"
        common[19] = 0x6D6F  // "mo"
        map.put(2, common)
        map.put(70, [103, 50])
        map.put(122, [203, 105])
        map.put(229, [0xFFFF, 0])
        let device = try await SunSpecDiscovery.discover { [map] address, count throws(ModbusError) in
            try map.read(address, count)
        }
        #expect(device.baseAddress == 0)
        #expect(device.manufacturer == "Fronius")
        #expect(device.model == "Symo")
        #expect(device.models.map(\.id) == [1, 103, 203])
        #expect(device.first(.meter)?.location == SunSpecModelLocation(id: 203, address: 122, length: 105))
        #expect(device.first(.inverter)?.location.address == 70)
    }

    @Test func aDeviceWithoutTheMarkerIsNotSunSpec() async {
        let map = RegisterMap()
        await #expect(throws: SunSpecError.notSunSpec(tried: [40000, 0, 50000])) {
            try await SunSpecDiscovery.discover { address, count throws(ModbusError) in try map.read(address, count) }
        }
    }
}
