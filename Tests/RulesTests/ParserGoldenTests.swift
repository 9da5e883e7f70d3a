import Testing

@testable import Rules

@Suite struct ParserGoldenTests {
    private func canonical(_ source: String) -> String {
        let (rules, failures) = Parser.parse(source)
        #expect(failures.isEmpty, "\(failures)")
        return rules.map(\.description).joined(separator: "\n")
    }

    @Test func specExamplesParseToCanonicalForm() {
        let source = """
            # Charge in the cheap night tariff only.
            rule "off by default" {
                pause
            }
            rule "cheap overnight" {
                priority 1
                when time in 00:30..06:30 and weekday in mon..fri
                charge
                limit 16 A
            }
            rule "solar following" {
                chargers garage
                when connector.power - grid.power >= 1.4 kW for 1m hold 3m
                limit connector.power - grid.power
            }
            rule "auto start" {
                when status is Preparing
                start idtag "ampwise"
            }
            rule "garage fuse" { chargers garage, carport share 32 A }
            """
        #expect(
            canonical(source) == """
                rule "off by default" {
                    pause
                }
                rule "cheap overnight" {
                    priority 1
                    when (time in 00:30..06:30 and weekday in mon..fri)
                    charge
                    limit 16 A
                }
                rule "solar following" {
                    chargers garage
                    when ((connector.power - grid.power) >= 1.4 kW) for 1m hold 3m
                    limit (connector.power - grid.power)
                }
                rule "auto start" {
                    when status is Preparing
                    start idtag "ampwise"
                }
                rule "garage fuse" {
                    chargers garage, carport
                    share 32 A
                }
                """)
    }

    @Test func precedenceIsOrAndNotComparisonAdditiveMultiplicativeUnary() {
        let source = """
            rule "p" { when not a.b < 1 + 2 * -3 or true and false pause }
            """
        // `a.b` is not a variable, but the parser does not know variables; only the checker does.
        #expect(
            canonical(source) == """
                rule "p" {
                    when (not (a.b < (1 + (2 * -3))) or (true and false))
                    pause
                }
                """)
    }

    @Test func arithmeticIsLeftAssociativeAndParenthesesGroup() {
        #expect(
            canonical(#"rule "a" { limit 32 A - 2 A - 1 A limit (1 A - 2 A) / 3 }"#) == """
                rule "a" {
                    limit ((32 A - 2 A) - 1 A)
                    limit ((1 A - 2 A) / 3)
                }
                """)
    }

    @Test func unitsDurationsClocksAndDaysAreRead() {
        let source = """
            rule "u" {
                when soc < 80 % and session.energy < 10.5kWh and session.duration < 1h30m
                when time in 22:00..06:00 and weekday in mon..wed, sat and weekday in fri..mon
                when cheapest 2h30m before 07:15 and status in Charging, suspendedev
                limit min(16A, 3.7 kW / 230 V, max(2000 W, 90s * 1 W / 1s) / charger.voltage)
            }
            """
        #expect(
            canonical(source) == """
                rule "u" {
                    when (((soc < 80 %) and (session.energy < 10.5 kWh)) and (session.duration < 1h30m))
                    when ((time in 22:00..06:00 and weekday in mon..wed, sat) and weekday in fri..mon)
                    when (cheapest 2h30m before 07:15 and status in Charging, SuspendedEV)
                    limit min(16 A, (3.7 kW / 230 V), (max(2000 W, ((90s * 1 W) / 1s)) / charger.voltage))
                }
                """)
    }

    @Test func selectorsTakeGlobsConnectorsAndQuotedIds() {
        let source = """
            rule "s" {
                chargers garage:2, cp-0?, site*, "odd id":1, *
                available
            }
            """
        #expect(
            canonical(source) == """
                rule "s" {
                    chargers garage:2, cp-0?, site*, "odd id":1, *
                    available
                }
                """)
    }

    @Test func stringEscapesAndCommentsAreHandled() {
        let source = """
            rule "say \\"hi\\" \\\\ there" { # comment with rule "x" {
                start idtag "a\\tb" # trailing
                stop unavailable
            }
            """
        #expect(
            canonical(source) == """
                rule "say \\"hi\\" \\\\ there" {
                    start idtag "a\\tb"
                    stop
                    unavailable
                }
                """)
    }

    @Test func everyClauseCanShareOneLine() {
        #expect(
            canonical(#"rule "x" { priority -2 when true for 30s pause start }"#) == """
                rule "x" {
                    priority -2
                    when true for 30s
                    pause
                    start
                }
                """)
    }

    @Test func durationsAreSeconds() {
        #expect(Lexer.durationSeconds("1h30m") == 5400)
        #expect(Lexer.durationSeconds("90s") == 90)
        #expect(Lexer.durationSeconds("2m") == 120)
        #expect(Lexer.durationSeconds("1h2m3s") == 3723)
        #expect(Lexer.durationSeconds("1m1h") == nil)
        #expect(Lexer.durationSeconds("1h30") == nil)
    }
}
