import Testing

@testable import Rules

/// One case per error message: the source and the exact line `ampwise check` prints.
@Suite struct DiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var expected: [String]
        var testDescription: String { expected.first ?? source }
    }

    static let clauseList =
        "chargers, priority, when, limit, share, pause, charge, start, stop, available, unavailable"
    static let statusList =
        "Available, Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing, Reserved, Unavailable, Faulted"

    static let cases: [Case] = [
        // Lexer
        Case(
            source: #"rule "a" { limit 16amps }"#,
            expected: ["t.rules:1:18: error: unknown unit 'amps' after 16 (expected A, W, kW, V, Wh, kWh or %)"]),
        Case(
            source: #"rule "a" { limit 16 amps }"#,
            expected: ["t.rules:1:21: error: unknown unit 'amps' after 16 (expected A, W, kW, V, Wh, kWh or %)"]),
        Case(
            source: #"rule "a" { when true for 1m30h pause }"#,
            expected: [
                "t.rules:1:26: error: invalid duration '1m30h' (write hours, minutes and seconds in that order, "
                    + "as in 1h30m)"
            ]),
        Case(
            source: #"rule "a" { when time in 00:30..25:00 pause }"#,
            expected: ["t.rules:1:32: error: clock time 25:00 is out of range (00:00 to 24:00)"]),
        Case(
            source: "rule \"a\" { start idtag \"abc }\n}",
            expected: [#"t.rules:1:24: error: unterminated string (a string ends with " on the same line)"#]),
        Case(
            source: #"rule "a" { start idtag "a\qb" }"#,
            expected: [#"t.rules:1:24: error: unknown escape '\q' in string (expected \", \\, \n or \t)"#]),
        Case(
            source: #"rule "a" { when grid.power @ 1 W pause }"#,
            expected: ["t.rules:1:28: error: unexpected character '@'"]),
        Case(
            source: #"rule "a" { when grid.power = 1 W pause }"#,
            expected: ["t.rules:1:28: error: unexpected character '=' (comparisons are written == and !=)"]),
        // Parser
        Case(
            source: "rule \"a\" { pause }\nrul \"b\" { pause }",
            expected: ["t.rules:2:1: error: expected 'rule', found 'rul'"]),
        Case(
            source: #"rule a { pause }"#,
            expected: ["t.rules:1:6: error: expected a rule name in quotes after 'rule', found 'a'"]),
        Case(
            source: #"rule "a" pause }"#,
            expected: ["t.rules:1:10: error: expected '{' after the rule name, found 'pause'"]),
        Case(source: #"rule "" { pause }"#, expected: ["t.rules:1:6: error: a rule name must not be empty"]),
        Case(
            source: #"rule "a" { wen true pause }"#,
            expected: ["t.rules:1:12: error: expected a clause (\(clauseList)) or '}', found 'wen'"]),
        Case(
            source: #"rule "a" { chargers , pause }"#,
            expected: ["t.rules:1:21: error: expected a charger id or pattern after 'chargers', found ','"]),
        Case(
            source: #"rule "a" { chargers garage:0 pause }"#,
            expected: ["t.rules:1:28: error: expected a connector number (1 or more) after ':', found '0'"]),
        Case(
            source: #"rule "a" { priority 1.5 pause }"#,
            expected: ["t.rules:1:21: error: expected a whole number after 'priority', found '1.5'"]),
        Case(
            source: #"rule "a" { when pause }"#,
            expected: ["t.rules:1:17: error: expected an expression, found 'pause'"]),
        Case(
            source: #"rule "a" { limit (16 A pause }"#, expected: ["t.rules:1:24: error: expected ')', found 'pause'"]),
        Case(
            source: #"rule "a" { limit min(1 A, 2 A pause }"#,
            expected: ["t.rules:1:31: error: expected ',' or ')' in the arguments of 'min', found 'pause'"]),
        Case(
            source: #"rule "a" { when time 00:30..06:30 pause }"#,
            expected: ["t.rules:1:22: error: expected 'in' after 'time', found '00:30'"]),
        Case(
            source: #"rule "a" { when time in 0030..06:30 pause }"#,
            expected: ["t.rules:1:25: error: expected a clock time HH:MM, found '0030'"]),
        Case(
            source: #"rule "a" { when time in 00:30-06:30 pause }"#,
            expected: ["t.rules:1:30: error: expected '..' between the two clock times, found '-'"]),
        Case(
            source: #"rule "a" { when weekday in monday pause }"#,
            expected: ["t.rules:1:28: error: expected a day (mon, tue, wed, thu, fri, sat, sun), found 'monday'"]),
        Case(
            source: #"rule "a" { when status Charging pause }"#,
            expected: ["t.rules:1:24: error: expected 'is' or 'in' after 'status', found 'Charging'"]),
        Case(
            source: #"rule "a" { when status is Plugged pause }"#,
            expected: ["t.rules:1:27: error: expected a connector status (\(statusList)), found 'Plugged'"]),
        Case(
            source: #"rule "a" { when true for 5 pause }"#,
            expected: ["t.rules:1:26: error: expected a duration after 'for' (such as 30s, 2m or 1h30m), found '5'"]),
        Case(
            source: #"rule "a" { when true hold pause }"#,
            expected: [
                "t.rules:1:27: error: expected a duration after 'hold' (such as 30s, 2m or 1h30m), found 'pause'"
            ]),
        Case(
            source: #"rule "a" { when cheapest 2h by 07:00 pause }"#,
            expected: ["t.rules:1:29: error: expected 'before' after 'cheapest 2h', found 'by'"]),
        Case(
            source: #"rule "a" { start idtag ampwise }"#,
            expected: ["t.rules:1:24: error: expected an id tag in quotes after 'idtag', found 'ampwise'"]),
        Case(
            source: "rule \"a\" { pause\nrule \"b\" { charge }",
            expected: [#"t.rules:2:1: error: expected '}' to close rule "a" (opened at 1:1), found 'rule'"#]),
        Case(
            source: #"rule "a" { pause"#,
            expected: [#"t.rules:1:17: error: expected '}' to close rule "a" (opened at 1:1), found end of file"#]),
        Case(
            source: #"rule "a" { when 1 < 2 < 3 pause }"#,
            expected: ["t.rules:1:23: error: comparisons cannot be chained; join them with 'and'"]),
        // Checker
        Case(
            source: #"rule "a" { when grid.pwr > 1 W pause }"#,
            expected: ["t.rules:1:17: error: unknown variable 'grid.pwr'"]),
        Case(
            source: #"rule "a" { limit avg(1 A, 2 A) }"#,
            expected: ["t.rules:1:18: error: unknown function 'avg' (expected min or max)"]),
        Case(
            source: #"rule "a" { limit min(1 A) }"#,
            expected: ["t.rules:1:18: error: 'min' needs at least 2 arguments, found 1"]),
        Case(
            source: #"rule "a" { limit max(1 A, 2 W) }"#,
            expected: [
                "t.rules:1:27: error: 'max' needs arguments of one dimension (not boolean), found current and power"
            ]),
        Case(
            source: #"rule "a" { limit 16 A + 2 kW }"#, expected: ["t.rules:1:23: error: cannot add current and power"]
        ),
        Case(
            source: #"rule "a" { limit 16 A - 2 kW }"#,
            expected: ["t.rules:1:23: error: cannot subtract power from current"]),
        Case(
            source: #"rule "a" { limit 16 A * 2 A }"#,
            expected: ["t.rules:1:23: error: cannot multiply current by current"]),
        Case(
            source: #"rule "a" { limit 16 / 2 A }"#,
            expected: ["t.rules:1:21: error: cannot divide number by current"]),
        Case(
            source: #"rule "a" { when soc < 80 pause }"#,
            expected: [
                "t.rules:1:21: error: a comparison needs the same dimension on both sides, found percent and number"
            ]),
        Case(
            source: #"rule "a" { when true < false pause }"#,
            expected: ["t.rules:1:22: error: cannot compare booleans with '<'"]),
        Case(
            source: #"rule "a" { when grid.power pause }"#,
            expected: ["t.rules:1:17: error: 'when' needs a boolean, found power"]),
        Case(
            source: #"rule "a" { limit 16 }"#,
            expected: ["t.rules:1:18: error: 'limit' needs a current or a power (A, W or kW), found number"]),
        Case(
            source: #"rule "a" { share price }"#,
            expected: ["t.rules:1:18: error: 'share' needs a current or a power (A, W or kW), found number"]),
        Case(
            source: #"rule "a" { share connector.power }"#,
            expected: [
                "t.rules:1:18: error: a 'share' budget cannot use 'connector.power': it is one value for all its "
                    + "connectors"
            ]),
        Case(
            source: #"rule "a" { when not grid.power pause }"#,
            expected: ["t.rules:1:17: error: 'not' needs a boolean, found power"]),
        Case(
            source: #"rule "a" { when grid.power and true pause }"#,
            expected: ["t.rules:1:28: error: 'and' needs booleans on both sides, found power"]),
        Case(
            source: #"rule "a" { limit -true }"#, expected: ["t.rules:1:18: error: cannot negate a boolean (use 'not')"]
        ),
        Case(
            source: #"rule "a" { when true }"#,
            expected: [
                #"t.rules:1:1: error: rule "a" has no effect (add limit, share, pause, charge, start, stop, "#
                    + "available or unavailable)"
            ]),
        Case(
            source: "rule \"a\" { pause }\nrule \"a\" { charge }",
            expected: [#"t.rules:2:1: error: duplicate rule name "a" (first defined at t.rules:1:1)"#]),
        Case(
            source: #"rule "a" { start idtag "123456789012345678901" }"#,
            expected: [
                #"t.rules:1:24: error: idtag "123456789012345678901" is longer than 20 characters "#
                    + "(OCPP allows at most 20)"
            ]),
        Case(source: #"rule "a" { start idtag "" }"#, expected: ["t.rules:1:24: error: idtag must not be empty"]),
        Case(
            source: #"rule "a" { priority 1 priority 2 pause }"#,
            expected: ["t.rules:1:23: error: 'priority' may appear only once in a rule (first at 1:12)"]),
        Case(
            source: #"rule "a" { chargers a chargers b pause }"#,
            expected: ["t.rules:1:23: error: 'chargers' may appear only once in a rule (first at 1:12)"]),
        Case(
            source: #"rule "a" { pause charge }"#,
            expected: [
                "t.rules:1:18: error: a rule has at most one charging effect: 'charge' conflicts with 'pause' at 1:12"
            ]),
        Case(
            source: #"rule "a" { when cheapest 25h before 07:00 pause }"#,
            expected: ["t.rules:1:17: error: 'cheapest' needs a duration from 1s to 24h, found 25h"]),
    ]

    @Test(arguments: cases) func errorIsReportedAtItsPosition(_ testCase: Case) {
        #expect(RuleFixture.errors(testCase.source) == testCase.expected)
    }

    @Test func oneRunReportsEveryErrorInEveryFile() {
        let result = RuleChecker.check([
            RuleSource(
                path: "rules/a.rules",
                text: """
                    rule "one" { when 16 A + 2 kW > 1 W and grid.pwr > 0 W pause }
                    rule "two" { limit 3 }
                    rule "three" { when true for pause }
                    """),
            RuleSource(path: "rules/good.rules", text: #"rule "fine" { pause }"#),
            RuleSource(path: "rules/b.rules", text: "rule \"one\" { charge }\nrule \"x\" { wen }"),
        ])
        #expect(result.ruleSet == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "rules/a.rules:1:24: error: cannot add current and power",
                "rules/a.rules:1:41: error: unknown variable 'grid.pwr'",
                "rules/a.rules:2:20: error: 'limit' needs a current or a power (A, W or kW), found number",
                "rules/a.rules:3:30: error: expected a duration after 'for' (such as 30s, 2m or 1h30m), found 'pause'",
                #"rules/b.rules:1:1: error: duplicate rule name "one" (first defined at rules/a.rules:1:1)"#,
                "rules/b.rules:2:12: error: expected a clause (\(Self.clauseList)) or '}', found 'wen'",
            ])
    }

    @Test func deeplyNestedOrLongExpressionsAreRefusedNotOverflowed() {
        let nested = "rule \"a\" { limit " + String(repeating: "(", count: 100_000) + "1 A }"
        #expect(RuleFixture.errors(nested) == ["t.rules:1:518: error: expression too long (more than 500 terms)"])
        let long = "rule \"a\" { limit 1 A" + String(repeating: " + 1 A", count: 300) + " }"
        #expect(RuleFixture.errors(long) == ["t.rules:1:1518: error: expression too long (more than 500 terms)"])
        let fine = "rule \"a\" { limit 1 A" + String(repeating: " + 1 A", count: 200) + " }"
        #expect(RuleFixture.errors(fine) == [])
    }

    @Test func diagnosticPrintsPathLineColumnAndMessage() {
        let diagnostic = RuleDiagnostic(path: "rules/x.rules", line: 3, column: 7, message: "boom")
        #expect(diagnostic.description == "rules/x.rules:3:7: error: boom")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(
            RuleFixture.errors("rule \"ümlaut\" { wen }") == [
                "t.rules:1:17: error: expected a clause (\(Self.clauseList)) or '}', found 'wen'"
            ])
    }

    @Test func aCleanSetSummarisesFilesAndRules() {
        let result = RuleChecker.check([
            RuleSource(path: "a.rules", text: #"rule "x" { pause } rule "y" { charge }"#),
            RuleSource(path: "b.rules", text: "# nothing yet\n"),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(result.ruleSet?.summary == "2 files, 2 rules: no errors")
        #expect(RuleFixture.ruleSet(#"rule "x" { pause }"#).summary == "1 file, 1 rule: no errors")
    }
}
