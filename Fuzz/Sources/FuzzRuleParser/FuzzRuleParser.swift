import FuzzSupport
import Rules

/// Runs what `ampwise check` runs on a rule file: the bytes as UTF-8 (as the file reader takes
/// them; anything else is refused before parsing), then lexing, parsing, type checking and
/// compiling, and the diagnostics and summary as they are printed. Whatever the text, this must
/// end with diagnostics or a rule set, never a crash.
@_cdecl("FuzzRuleParser_main")
public func fuzzRuleParserMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzRuleParser)
}

func fuzzRuleParser(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = fuzzInput(data, count)
    guard let text = String(validating: input, as: UTF8.self) else { return 0 }
    let result = RuleChecker.check([RuleSource(path: "fuzz.rules", text: text)])
    for diagnostic in result.diagnostics { _ = diagnostic.description }
    if let ruleSet = result.ruleSet {
        precondition(result.diagnostics.isEmpty, "a rule set is only made from rules without errors")
        _ = ruleSet.summary
    } else {
        precondition(!result.diagnostics.isEmpty, "rules that do not check say why")
    }
    return 0
}
