import HTTPClient
import Tariffs
import Testing

@testable import App

@Suite struct TariffProviderConfigurationTests {
    @Test func theSpecsExampleIsRead() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"""
                {"tariff": { "default": 0.30,
                             "provider": { "type": "awattar", "country": "de" },
                             "formula": { "factor": 1.0, "add": 0.12, "vat": 0.19 } }}
                """#, file: "ampwise.json")
        let provider = try #require(configuration.tariff.provider)
        #expect(provider.kind == .awattar(country: "de"))
        #expect(provider.refresh == 3600)
        #expect(configuration.tariff.formula == PriceFormula(factor: 1, add: 0.12, vat: 0.19))
    }

    @Test func everyTypeReadsItsKeys() throws {
        func kind(_ provider: String) throws -> TariffProviderConfiguration.Kind? {
            try AmpwiseConfiguration(jsonText: #"{"tariff": {"provider": \#(provider)}}"#, file: "ampwise.json")
                .tariff.provider?.kind
        }
        #expect(
            try kind(#"{"type":"entsoe","token":"T","zone":"10YAT-APG------L"}"#)
                == .entsoe(token: "T", zone: "10YAT-APG------L"))
        #expect(
            try kind(#"{"type":"octopus","productCode":"AGILE-24-10-01","tariffCode":"E-1R-AGILE-24-10-01-C"}"#)
                == .octopus(productCode: "AGILE-24-10-01", tariffCode: "E-1R-AGILE-24-10-01-C"))
        #expect(try kind(#"{"type":"tibber","token":"T"}"#) == .tibber(token: "T"))
        #expect(
            try kind(#"{"type":"nordpool","area":"SE3","currency":"SEK"}"#) == .nordpool(area: "SE3", currency: "SEK"))
        #expect(
            try kind(
                #"{"type":"http","url":"http://10.0.0.9/prices","path":"data","start":"from","price":"p","scale":0.001}"#
            )
                == .http(
                    url: try HTTPURL("http://10.0.0.9/prices"), path: .init("data"), start: "from", end: nil,
                    price: "p",
                    scale: 0.001))
    }

    @Test func mistakesAreNamedByTheirKeyPath() {
        #expect(
            problems(#"{"tariff": {"provider": {"type": "spotty"}}}"#) == [
                "tariff.provider.type: expected one of \"awattar\", \"entsoe\", \"octopus\", \"tibber\", \"nordpool\" or \"http\""
            ])
        #expect(
            problems(#"{"tariff": {"provider": {"type": "entsoe", "token": "T", "zoon": "x"}}}"#) == [
                "tariff.provider.zoon: unknown key",
                "tariff.provider.zone: missing (the bidding zone's EIC code, such as 10Y1001A1001A82H)",
            ])
        #expect(
            problems(#"{"tariff": {"provider": {"type": "awattar", "country": "fr"}}}"#) == [
                "tariff.provider.country: expected \"de\" or \"at\""
            ])
        #expect(
            problems(#"{"tariff": {"formula": {"vat": 19}}}"#) == ["tariff.formula.vat: expected a number from 0 to 10"]
        )
    }
}
