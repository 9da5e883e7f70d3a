import Modbus

/// `function` of a raw Modbus register input: `holding` (function code 3) or `input` (4).
enum ModbusReadFunctionName: String, CaseIterable {
    case holding, input

    var function: ModbusReadFunction {
        switch self {
        case .holding: .holding
        case .input: .input
        }
    }
}
