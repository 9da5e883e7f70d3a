import Testing

@testable import App

@Suite struct ConfigurationErrorTests {
    @Test func unknownKeysAreNamedByTheirPath() {
        #expect(problems(#"{"central": {"bogus": 1}}"#) == ["central.bogus: unknown key"])
        #expect(problems(#"{"colour": "red"}"#) == ["colour: unknown key"])
        #expect(problems(#"{"chargers": {"garage": {"maxAmps": 16}}}"#) == ["chargers.garage.maxAmps: unknown key"])
        #expect(
            problems(#"{"tariff": {"periods": [{"from": "00:00", "to": "01:00", "price": 1, "day": "mon"}]}}"#)
                == ["tariff.periods[0].day: unknown key"])
    }

    @Test func wrongTypesAtAnyDepthNameTheKeyAndTheExpectedType() {
        #expect(
            problems(#"{"chargers": {"garage": {"maxCurrent": "16"}}}"#) == [
                "chargers.garage.maxCurrent: expected a number"
            ])
        #expect(
            problems(#"{"central": {"allowUnknownChargers": "yes"}}"#) == [
                "central.allowUnknownChargers: expected true or false"
            ])
        #expect(problems(#"{"database": 5}"#) == ["database: expected a non-empty string"])
        #expect(problems(#"{"central": []}"#) == ["central: expected an object"])
        #expect(problems(#"{"chargers": {"garage": 16}}"#) == ["chargers.garage: expected an object"])
        #expect(problems(#"{"tariff": {"default": "cheap"}}"#) == ["tariff.default: expected a number"])
        #expect(problems(#"{"api": {"token": 42}}"#) == ["api.token: expected a non-empty string or null"])
        #expect(
            problems(#"{"central": {"measurands": ["Voltage", 3, "Humidity"]}}"#) == [
                "central.measurands[1]: expected a string",
                "central.measurands[2]: unknown measurand \"Humidity\"",
            ])
        #expect(problems("[]") == ["expected a JSON object at the top level"])
    }

    @Test func portsMustBeIntegersFrom1To65535() {
        let expected = ["central.port: expected an integer from 1 to 65535"]
        #expect(problems(#"{"central": {"port": 0}}"#) == expected)
        #expect(problems(#"{"central": {"port": 65536}}"#) == expected)
        #expect(problems(#"{"central": {"port": 80.5}}"#) == expected)
        #expect(problems(#"{"central": {"port": "9000"}}"#) == expected)
        #expect(problems(#"{"api": {"port": -1}}"#) == ["api.port: expected an integer from 1 to 65535"])
        #expect(problems(#"{"central": {"port": 65535}, "api": {"port": 1}}"#) == [])
    }

    /// Every number in the file has a range. Before, `scheduler.tick: 1e-300` made `ampwise plan`
    /// run without end, and `1e19` was taken for any duration, current or price.
    @Test(arguments: [
        ("central.heartbeatInterval", "an integer from 1 to 86400"),
        ("central.meterValueSampleInterval", "an integer from 0 to 86400"),
        ("central.pingInterval", "a number from 1 to 3600"), ("central.pingTimeout", "a number from 1 to 3600"),
        ("central.callTimeout", "a number from 1 to 3600"),
        ("central.maxMessageBytes", "an integer from 1024 to 67108864"),
        ("central.maxBufferedBytes", "an integer from 1024 to 68719476736"),
        ("chargers.garage.maxCurrent", "a number from 1 to 5000"),
        ("chargers.garage.minCurrent", "a number from 0 to 5000"),
        ("chargers.garage.voltage", "a number from 50 to 1500"),
        ("tariff.default", "a number from -1000000 to 1000000"),
        ("scheduler.tick", "a number from 0.1 to 3600"), ("scheduler.deadband", "a number from 0 to 100"),
        ("scheduler.minIncreaseInterval", "a number from 0 to 86400"),
        ("scheduler.inputMaxAge", "a number from 1 to 86400"),
        ("scheduler.retryInterval", "a number from 1 to 86400"),
        ("scheduler.phaseSwitchInterval", "a number from 1 to 86400"),
    ])
    func everyNumberOutsideItsRangeIsRefusedNamingTheKeyAndTheRange(path: String, range: String) {
        let keys = path.split(separator: ".").map(String.init)
        for value in ["1e19", "-1e19", "1e-300"] {
            let text = keys.reversed().reduce(value) { inner, key in "{\"\(key)\": \(inner)}" }
            let tinyIsInRange = range.hasPrefix("a number") && (range.contains("from 0 ") || range.contains("from -"))
            if value == "1e-300" && tinyIsInRange {
                #expect(problems(text) == [], "\(path) = \(value)")
            } else {
                let expected = range.hasPrefix("an integer") && value == "1e-300" ? "an integer" : range
                #expect(problems(text) == ["\(path): expected \(expected)"], "\(path) = \(value)")
            }
        }
    }

    @Test func aPeriodsPriceHasTheRangeOfAPrice() {
        #expect(
            problems(#"{"tariff": {"periods": [{"from": "00:00", "to": "01:00", "price": 1e300}]}}"#)
                == ["tariff.periods[0].price: expected a number from -1000000 to 1000000"])
    }

    @Test func intervalsMustBePositive() {
        #expect(
            problems(#"{"central": {"heartbeatInterval": 0}}"#) == [
                "central.heartbeatInterval: expected an integer from 1 to 86400"
            ])
        #expect(
            problems(#"{"central": {"pingTimeout": -5}}"#) == ["central.pingTimeout: expected a number from 1 to 3600"])
        #expect(problems(#"{"central": {"pingTimeout": "5"}}"#) == ["central.pingTimeout: expected a number"])
        #expect(
            problems(#"{"central": {"heartbeatInterval": 1.5}}"#) == ["central.heartbeatInterval: expected an integer"])
        #expect(
            problems(#"{"central": {"meterValueSampleInterval": -1}}"#)
                == ["central.meterValueSampleInterval: expected an integer from 0 to 86400"])
        #expect(problems(#"{"scheduler": {"tick": 0}}"#) == ["scheduler.tick: expected a number from 0.1 to 3600"])
        #expect(
            problems(#"{"scheduler": {"deadband": -0.1}}"#) == ["scheduler.deadband: expected a number from 0 to 100"])
    }

    @Test func aTimeZoneMustBeKnown() {
        #expect(
            problems(#"{"timezone": "Mars/Olympus_Mons"}"#)
                == ["timezone: unknown time zone \"Mars/Olympus_Mons\" (expected a name like \"Europe/Amsterdam\")"])
    }

    @Test func theLogLevelIsOneOfFour() {
        let expected = ["logLevel: expected one of \"debug\", \"info\", \"warning\" or \"error\""]
        #expect(problems(#"{"logLevel": "verbose"}"#) == expected)
        #expect(problems(#"{"logLevel": "warn"}"#) == expected)
        #expect(problems(#"{"logLevel": "debug"}"#) == [])
    }

    @Test func clockTimesAreHHMM() {
        let expected = "expected a clock time \"HH:MM\" from \"00:00\" to \"24:00\""
        #expect(
            problems(#"{"tariff": {"periods": [{"from": "7:00", "to": "25:00", "price": 0.1}]}}"#) == [
                "tariff.periods[0].from: \(expected)", "tariff.periods[0].to: \(expected)",
            ])
        #expect(
            problems(#"{"tariff": {"periods": [{"from": "24:00", "to": "06:00", "price": 0.1}]}}"#)
                == ["tariff.periods[0].from: \"24:00\" is only allowed for to"])
        #expect(
            problems(#"{"tariff": {"periods": [{"from": "06:00", "to": "06:00", "price": 0.1}]}}"#)
                == ["tariff.periods[0].to: equal to from (a period cannot be empty)"])
        #expect(
            problems(#"{"tariff": {"periods": [{"to": "06:00"}]}}"#)
                == ["tariff.periods[0].from: missing", "tariff.periods[0].price: missing"])
    }

    @Test func daySetsMustBeDaysRangesOrLists() {
        let expected = "tariff.periods[0].days: expected days like \"mon..sun\", \"sat,sun\" or \"mon..wed, sat\""
        for days in ["monday", "mon...fri", "mon..", "mon,,tue", "", "mon-fri"] {
            let text =
                #"{"tariff": {"periods": [{"from": "00:00", "to": "06:00", "price": 0.1, "days": ""#
                + days + #""}]}}"#
            #expect(problems(text) == [expected], "\(days)")
        }
    }

    @Test func pauseIsProfileOrRemoteStop() {
        #expect(
            problems(#"{"chargers": {"garage": {"pause": "stop"}}}"#)
                == ["chargers.garage.pause: expected \"profile\" or \"remoteStop\""])
    }

    @Test func chargerRangesAreChecked() {
        #expect(problems(#"{"chargers": {"garage": {"phases": 2}}}"#) == ["chargers.garage.phases: expected 1 or 3"])
        #expect(
            problems(#"{"chargers": {"garage": {"voltage": 0}}}"#) == [
                "chargers.garage.voltage: expected a number from 50 to 1500"
            ])
        #expect(
            problems(#"{"chargers": {"garage": {"minCurrent": 20, "maxCurrent": 16}}}"#)
                == ["chargers.garage.minCurrent: 20 is above maxCurrent 16"])
        #expect(
            problems(#"{"chargers": {"garage": {"maxCurrent": 4}}}"#)
                == ["chargers.garage.minCurrent: 6 (the default) is above maxCurrent 4"])
        #expect(
            problems(#"{"chargers": {"garage": {"minCurrent": 16.5}}}"#)
                == ["chargers.garage.minCurrent: 16.5 is above maxCurrent 16 (the default)"])
        #expect(
            problems(#"{"chargers": {"garage": {"idTag": "TAG-LONGER-THAN-20-CHARS"}}}"#)
                == ["chargers.garage.idTag: expected a string of 1 to 20 characters"])
    }

    @Test func idTagStatusesAreOCPPs() {
        let statuses = "one of \"Accepted\", \"Blocked\", \"Expired\", \"Invalid\" or \"ConcurrentTx\""
        #expect(
            problems(#"{"idTags": {"default": "Allowed", "tags": {"04A2B3C4": "accepted"}}}"#) == [
                "idTags.default: expected \(statuses)", "idTags.tags.04A2B3C4: expected \(statuses)",
            ])
    }

    @Test func idTagsHaveOneToTwentyCharactersAndIgnoreCase() {
        #expect(
            problems(#"{"idTags": {"tags": {"TAG-LONGER-THAN-20-CHARS": "Accepted", "": "Blocked"}}}"#) == [
                "idTags.tags.TAG-LONGER-THAN-20-CHARS: an id tag has 1 to 20 characters",
                "idTags.tags.: an id tag has 1 to 20 characters",
            ])
        #expect(
            problems(#"{"idTags": {"tags": {"deadbeef": "Accepted", "DEADBEEF": "Blocked"}}}"#)
                == ["idTags.tags.DEADBEEF: the same tag as \"deadbeef\" (id tags ignore case)"])
    }

    @Test func chargerIdsAreNotEmpty() {
        #expect(problems(#"{"chargers": {"": {}}}"#) == ["chargers: a charger id cannot be empty"])
    }

    /// The rule of the WebSocket upgrade: a charger with such an id could never connect.
    @Test func chargerIdsHaveAtMost48PrintableCharacters() {
        let long = String(repeating: "A", count: 49)
        #expect(
            problems(#"{"chargers": {"\#(long)": {}, "CP\u0000": {}, "CP 1": {}}}"#) == [
                "chargers.\(long): not a usable charger id: it has 49 characters, more than the 48 OCPP allows",
                #"chargers.CP\0: not a usable charger id: it contains U+0000, which is not a printable character"#,
            ])
    }

    @Test func maxBufferedBytesIsInItsRangeAndNotBelowMaxMessageBytes() {
        #expect(
            problems(#"{"central": {"maxBufferedBytes": 0}}"#) == [
                "central.maxBufferedBytes: expected an integer from 1024 to 68719476736"
            ])
        #expect(
            problems(#"{"central": {"maxBufferedBytes": 4096}}"#)
                == ["central.maxBufferedBytes: 4096 is below central.maxMessageBytes 1048576"])
        #expect(problems(#"{"central": {"maxMessageBytes": 67108864}}"#).isEmpty)
        #expect(problems(#"{"central": {"maxMessageBytes": 2048, "maxBufferedBytes": 2048}}"#).isEmpty)
    }

    @Test func tlsNeedsBothFiles() {
        #expect(
            problems(#"{"central": {"tls": {"certificate": "/ssl/cert.pem"}}}"#)
                == ["central.tls.privateKey: missing (central.tls needs both files)"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let text = """
            {"central": {"port": 0, "bogus": true}, "timezone": "Nowhere", "logLevel": 3,
             "chargers": {"garage": {"maxCurrent": "16", "phases": 2}}, "scheduler": {"tick": -1}}
            """
        #expect(
            problems(text) == [
                "central.bogus: unknown key",
                "central.port: expected an integer from 1 to 65535",
                "timezone: unknown time zone \"Nowhere\" (expected a name like \"Europe/Amsterdam\")",
                "logLevel: expected one of \"debug\", \"info\", \"warning\" or \"error\"",
                "chargers.garage.maxCurrent: expected a number",
                "chargers.garage.phases: expected 1 or 3",
                "scheduler.tick: expected a number from 0.1 to 3600",
            ])
        do {
            _ = try AmpwiseConfiguration(jsonText: #"{"central": {"port": 0}}"#, file: "site.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "site.json: central.port: expected an integer from 1 to 65535")
        }
    }

    @Test func aJSONSyntaxErrorGivesFileLineAndColumn() {
        let text = """
            {
              "central": {
                "port": 9000,
              }
            }
            """
        #expect(problems(text) == ["ampwise.json:4:3: invalid JSON: expected a string key"])
        #expect(problems(#"{"a": tru}"#) == ["ampwise.json:1:7: invalid JSON: invalid literal"])
    }

    /// `central.tls.ca` (SPEC §13): the CA that signs chargers' CSRs needs both files.
    @Test func aCertificateAuthorityNeedsItsCertificateAndKey() throws {
        let tls = #""certificate": "s.pem", "privateKey": "s.key""#
        #expect(
            problems(#"{"central": {"tls": {\#(tls), "ca": {"certificate": "ca.pem"}}}}"#) == [
                "central.tls.ca.privateKey: missing (the CA needs its certificate and its key)"
            ])
        #expect(
            problems(#"{"central": {"tls": {\#(tls), "ca": {"certificate": "ca.pem", "key": "ca.key"}}}}"#).contains(
                "central.tls.ca.key: unknown key"))
        let configuration = try AmpwiseConfiguration(
            jsonText: #"{"central": {"tls": {\#(tls), "ca": {"certificate": "ca.pem", "privateKey": "ca.key"}}}}"#,
            file: "ampwise.json")
        #expect(
            configuration.central.tls?.ca
                == AmpwiseConfiguration.CertificateAuthorityFiles(certificate: "ca.pem", privateKey: "ca.key"))
    }
}
