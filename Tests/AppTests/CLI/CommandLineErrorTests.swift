import Testing

@testable import App

@Suite struct CommandLineErrorTests {
    /// The one line printed for a bad command line; fails the test if it parses.
    func errorLine(_ arguments: String...) -> String? {
        do {
            let parsed = try CommandLineParser.parse(arguments)
            Issue.record("parsed as \(parsed)")
            return nil
        } catch {
            #expect(error.exitStatus == 2)
            #expect(!error.line.contains("\n"))
            return error.line
        }
    }

    @Test func unknownFlagsNameTheCommandAndItsHelp() {
        #expect(errorLine("serve", "--bogus") == "ampwise: unknown flag --bogus for 'serve' (see 'ampwise help serve')")
        #expect(
            errorLine("serve", "--bogus=1") == "ampwise: unknown flag --bogus for 'serve' (see 'ampwise help serve')")
        #expect(errorLine("serve", "-c", "x") == "ampwise: unknown flag -c for 'serve' (see 'ampwise help serve')")
        #expect(
            errorLine("check", "--rules", "r") == "ampwise: unknown flag --rules for 'check' (see 'ampwise help check')"
        )
        #expect(
            errorLine("serve", "--version") == "ampwise: unknown flag --version for 'serve' (see 'ampwise help serve')")
        #expect(errorLine("--bogus") == "ampwise: unknown flag --bogus (see 'ampwise help')")
    }

    @Test func unknownCommands() {
        #expect(errorLine("start") == "ampwise: unknown command 'start' (see 'ampwise help')")
        #expect(errorLine("help", "start") == "ampwise: unknown command 'start' (see 'ampwise help')")
    }

    @Test func missingValues() {
        #expect(
            errorLine("serve", "--config")
                == "ampwise: --config for 'serve' needs a value (FILE) (see 'ampwise help serve')")
        #expect(
            errorLine("serve", "--config=")
                == "ampwise: --config for 'serve' needs a value (FILE) (see 'ampwise help serve')")
        #expect(
            errorLine("serve", "--config", "--db", "x")
                == "ampwise: --config for 'serve' needs a value (FILE) (see 'ampwise help serve')")
        #expect(
            errorLine("plan", "--step")
                == "ampwise: --step for 'plan' needs a value (MINUTES) (see 'ampwise help plan')")
    }

    /// `--hours 1e9` ran for ever and a huge `--step` overflowed; every number flag has a range.
    @Test func numbersOutsideAFlagsRangeAreRefusedWithTheRange() {
        #expect(
            errorLine("plan", "--hours", "1e9")
                == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not '1e9'")
        #expect(
            errorLine("plan", "--hours", "1e-300")
                == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not '1e-300'")
        #expect(
            errorLine("plan", "--step", "99999999999999999999")
                == "ampwise: --step for 'plan' expects an integer from 1 to 1440, not '99999999999999999999'")
        #expect(
            errorLine("plan", "--step", "153722867280912930")
                == "ampwise: --step for 'plan' expects an integer from 1 to 1440, not '153722867280912930'")
        #expect(
            errorLine("why", "garage", "--connector", "1e19")
                == "ampwise: --connector for 'why' expects an integer from 0 to 1000, not '1e19'")
    }

    @Test func badValuesSayWhatIsExpected() {
        #expect(
            errorLine("plan", "--hours", "many")
                == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not 'many'")
        #expect(
            errorLine("plan", "--hours", "-1")
                == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not '-1'")
        #expect(
            errorLine("plan", "--hours", "0") == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not '0'"
        )
        #expect(
            errorLine("plan", "--hours=inf")
                == "ampwise: --hours for 'plan' expects a number from 0.1 to 744, not 'inf'")
        #expect(
            errorLine("plan", "--step", "2.5")
                == "ampwise: --step for 'plan' expects an integer from 1 to 1440, not '2.5'"
        )
        #expect(
            errorLine("plan", "--step", "0") == "ampwise: --step for 'plan' expects an integer from 1 to 1440, not '0'")
        #expect(
            errorLine("why", "garage", "--connector", "-1")
                == "ampwise: --connector for 'why' expects an integer from 0 to 1000, not '-1'")
        #expect(
            errorLine("plan", "--from", "tomorrow")
                == "ampwise: --from for 'plan' expects an ISO 8601 date and time like 2026-11-25T08:00:00Z, "
                + "not 'tomorrow'")
        #expect(
            errorLine("why", "garage", "--since", "2026-11-25T08:00:00")
                == "ampwise: --since for 'why' expects an ISO 8601 date and time like 2026-11-25T08:00:00Z, "
                + "not '2026-11-25T08:00:00'")
        #expect(
            errorLine("serve", "--log-level", "loud")
                == "ampwise: --log-level for 'serve' expects debug, info, warning or error, not 'loud'")
        #expect(
            errorLine("serve", "--log-level", "warn")
                == "ampwise: --log-level for 'serve' expects debug, info, warning or error, not 'warn'")
    }

    @Test func repeatedFlags() {
        #expect(errorLine("serve", "--db", "a", "--db=b") == "ampwise: --db given twice for 'serve'")
    }

    @Test func wrongNumbersOfArguments() {
        #expect(
            errorLine("serve", "extra") == "ampwise: unexpected argument 'extra' for 'serve' (see 'ampwise help serve')"
        )
        #expect(
            errorLine("plan", "--hours", "2", "3")
                == "ampwise: unexpected argument '3' for 'plan' (see 'ampwise help plan')")
        #expect(errorLine("why") == "ampwise: 'why' needs CHARGER (see 'ampwise help why')")
        #expect(errorLine("why", "a", "b") == "ampwise: unexpected argument 'b' for 'why' (see 'ampwise help why')")
        #expect(errorLine("--version", "now") == "ampwise: unexpected argument 'now' after --version")
        #expect(errorLine("help", "serve", "plan") == "ampwise: unexpected argument 'plan' for 'help'")
    }
}
