import Modbus
import Testing

@Suite struct RegisterFormatTests {
    @Test func sixteenBitValues() {
        #expect(RegisterFormat.uint16.value(of: [0xFFFE]) == 65534)
        #expect(RegisterFormat.int16.value(of: [0xFFFE]) == -2)
    }

    @Test func thirtyTwoBitValuesInBothWordOrders() {
        // 0x0001_86A0 = 100000; -100000 = 0xFFFE_7960.
        #expect(RegisterFormat.uint32.value(of: [0x0001, 0x86A0]) == 100_000)
        #expect(RegisterFormat.uint32.value(of: [0x86A0, 0x0001], wordOrder: .little) == 100_000)
        #expect(RegisterFormat.int32.value(of: [0xFFFE, 0x7960]) == -100_000)
        #expect(RegisterFormat.int32.value(of: [0x7960, 0xFFFE], wordOrder: .little) == -100_000)
    }

    @Test func floatsAndTheirNonNumbers() {
        // IEEE 754: -2300.5 is 0xC50F_C800.
        #expect(RegisterFormat.float32.value(of: [0xC50F, 0xC800]) == -2300.5)
        #expect(RegisterFormat.float32.value(of: [0xC800, 0xC50F], wordOrder: .little) == -2300.5)
        #expect(RegisterFormat.float32.value(of: [0x7FC0, 0x0000]) == nil)
        #expect(RegisterFormat.float32.value(of: [0x7F80, 0x0000]) == nil)
    }
}
