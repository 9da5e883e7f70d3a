import Foundation
import HTTP

/// Answers written from each provider's documented format (docs/prices.md names the sources).
enum ProviderFixtures {
    static func ok(_ body: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, body: Array(body.utf8))
    }

    /// aWATTar: two hours in EUR/MWh, the second negative.
    static let awattar = """
        {"object":"list","data":[
          {"start_timestamp":1796248800000,"end_timestamp":1796252400000,"marketprice":98.5,"unit":"Eur/MWh"},
          {"start_timestamp":1796252400000,"end_timestamp":1796256000000,"marketprice":-4.0,"unit":"Eur/MWh"}],
         "url":"/de/v1/marketdata"}
        """

    /// ENTSO-E, 15-minute resolution, curve A03: position 3 left out (it repeats position 2).
    static let entsoeQuarterHours = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Publication_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-3:publicationdocument:7:3">
          <mRID>1</mRID><type>A44</type>
          <TimeSeries>
            <mRID>1</mRID><businessType>A62</businessType>
            <in_Domain.mRID codingScheme="A01">10Y1001A1001A82H</in_Domain.mRID>
            <currency_Unit.name>EUR</currency_Unit.name>
            <price_Measure_Unit.name>MWH</price_Measure_Unit.name>
            <curveType>A03</curveType>
            <Period>
              <timeInterval><start>2026-12-02T23:00Z</start><end>2026-12-03T00:00Z</end></timeInterval>
              <resolution>PT15M</resolution>
              <Point><position>1</position><price.amount>80.00</price.amount></Point>
              <Point><position>2</position><price.amount>60.00</price.amount></Point>
              <Point><position>4</position><price.amount>120.00</price.amount></Point>
            </Period>
          </TimeSeries>
        </Publication_MarketDocument>
        """

    /// ENTSO-E on the day clocks go back in Germany (25 October 2026): 25 hourly points.
    static var entsoeDaylightSavingEnd: String {
        let points = (1...25).map { "<Point><position>\($0)</position><price.amount>\($0)</price.amount></Point>" }
        return """
            <Publication_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-3:publicationdocument:7:3">
              <TimeSeries><currency_Unit.name>EUR</currency_Unit.name><price_Measure_Unit.name>MWH</price_Measure_Unit.name>
                <curveType>A01</curveType>
                <Period>
                  <timeInterval><start>2026-10-24T22:00Z</start><end>2026-10-25T23:00Z</end></timeInterval>
                  <resolution>PT60M</resolution>\(points.joined())
                </Period>
              </TimeSeries>
            </Publication_MarketDocument>
            """
    }

    static let entsoeAcknowledgement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Acknowledgement_MarketDocument xmlns="urn:iec62325.351:tc57wg16:451-1:acknowledgementdocument:7:0">
          <mRID>x</mRID>
          <Reason><code>999</code><text>No matching data found for Data item Day-ahead Prices</text></Reason>
        </Acknowledgement_MarketDocument>
        """

    /// Octopus Agile: newest first, pence per kWh.
    static let octopus = """
        {"count":2,"next":null,"previous":null,"results":[
          {"value_exc_vat":20.0,"value_inc_vat":21.0,"valid_from":"2026-12-03T00:30:00Z","valid_to":"2026-12-03T01:00:00Z","payment_method":null},
          {"value_exc_vat":-2.0,"value_inc_vat":-2.1,"valid_from":"2026-12-03T00:00:00Z","valid_to":"2026-12-03T00:30:00Z","payment_method":null}]}
        """

    /// Tibber: today has two hours, tomorrow not published yet (an empty list).
    static let tibber = """
        {"data":{"viewer":{"homes":[{"currentSubscription":{"priceInfo":{
          "today":[{"total":0.2512,"startsAt":"2026-12-03T00:00:00.000+01:00"},
                   {"total":0.2216,"startsAt":"2026-12-03T01:00:00.000+01:00"}],
          "tomorrow":[]}}}]}}}
        """

    static let tibberError = """
        {"errors":[{"message":"invalid token","locations":[{"line":1,"column":3}]}],"data":null}
        """

    /// Nord Pool: two quarter hours in SE3, SEK per MWh.
    static let nordpool = """
        {"deliveryDateCET":"2026-12-03","version":1,"updatedAt":"2026-12-02T12:44:51Z","deliveryAreas":["SE3"],
         "market":"DayAhead","currency":"SEK","exchangeRate":11.2,
         "multiAreaEntries":[
           {"deliveryStart":"2026-12-02T23:00:00Z","deliveryEnd":"2026-12-02T23:15:00Z","entryPerArea":{"SE3":512.3}},
           {"deliveryStart":"2026-12-02T23:15:00Z","deliveryEnd":"2026-12-02T23:30:00Z","entryPerArea":{"SE3":498.0}}],
         "areaStates":[{"state":"Final","areas":["SE3"]}]}
        """
}
