import App
import Foundation
import FuzzSupport
import JSON

/// Reads the bytes as `ampwise plan --inputs FILE` does (JSON, then the inputs file's fields,
/// ranges and time series), and on success asks the parsed world what the plan asks of it: the
/// chargers and inputs at a few instants. A bad file must end with an error naming the field,
/// never a crash (`"connector": 1e19` crashed `Int(number)`).
@_cdecl("FuzzPlanInputs_main")
public func fuzzPlanInputsMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzPlanInputs)
}

/// Before, inside and after the times the corpus uses.
private let instants = [0, 1_795_564_800, 1_795_600_800, 4_102_444_800].map {
    Date(timeIntervalSince1970: TimeInterval($0))
}

func fuzzPlanInputs(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    guard let value = try? JSONParser.parse(input) else { return 0 }
    let inputs: PlanInputs
    do {
        inputs = try PlanInputs.parse(value, file: "plan.json")
    } catch {
        precondition(!error.description.isEmpty, "an error says what is wrong")
        return 0
    }
    let scenario = inputs.scenario
    for instant in instants {
        _ = scenario.snapshots(instant)
        _ = scenario.inputs(instant)
    }
    return 0
}
