import HTTP
import Testing
import WebSocket

@testable import WebSocket

@Suite struct WebSocketUpgradeTests {
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="
    static let accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    /// A valid upgrade request, with `replacing` overriding (or, with nil, removing) header fields.
    private func request(
        _ target: String = "/ocpp/CP1", method: String = "GET", version: String = "HTTP/1.1",
        replacing: [(String, String?)] = [], adding: [(String, String)] = [], lineEnd: String = "\r\n"
    ) throws -> HTTPRequest {
        var fields: [(String, String?)] = [
            ("Host", "localhost:9000"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", Self.key), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Protocol", "ocpp1.6"),
        ]
        for (name, value) in replacing {
            if let index = fields.firstIndex(where: { $0.0 == name }) {
                fields[index].1 = value
            } else {
                fields.append((name, value))
            }
        }
        var text = "\(method) \(target) \(version)\(lineEnd)"
        for (name, value) in fields { if let value { text += "\(name): \(value)\(lineEnd)" } }
        for (name, value) in adding { text += "\(name): \(value)\(lineEnd)" }
        text += lineEnd
        var parser = HTTPRequestParser()
        parser.append(Array(text.utf8))
        return try #require(try parser.next())
    }

    private func evaluate(
        _ request: HTTPRequest, admission: ChargerAdmission = .allowed
    ) -> WebSocketUpgradeResult {
        WebSocketUpgrade.evaluate(request) { _ in admission }
    }

    private func refusal(_ result: WebSocketUpgradeResult) -> WebSocketUpgradeError? {
        if case .refuse(let error, let response) = result {
            #expect(response == error.response)
            return error
        }
        return nil
    }

    private func acceptedId(_ result: WebSocketUpgradeResult) -> String? {
        if case .accept(let chargerId, _, _) = result { return chargerId }
        return nil
    }

    @Test func computesTheAcceptValueOfRFC6455Section1_3() {
        #expect(WebSocketUpgrade.acceptValue(forKey: Self.key) == Self.accept)
    }

    @Test func acceptsAValidUpgradeWithExactly101Bytes() throws {
        let result = evaluate(try request())
        let expected =
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: \(Self.accept)\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n"
        #expect(result == .accept(chargerId: "CP1", subprotocol: "ocpp1.6", response: Array(expected.utf8)))
    }

    /// The upgrade reads its request with the API's parser, which takes bare LF line endings too.
    @Test func acceptsAnUpgradeWhoseLinesEndInABareLF() throws {
        let result = evaluate(try request(lineEnd: "\n"))
        #expect(acceptedId(result) == "CP1")
    }

    @Test func picksOCPP16AmongOtherOfferedProtocols() throws {
        let result = evaluate(try request(replacing: [("Sec-WebSocket-Protocol", "ocpp2.0.1, ocpp1.6,ocpp1.5")]))
        guard case .accept(_, let subprotocol, let response) = result else {
            Issue.record("refused: \(result)")
            return
        }
        #expect(subprotocol == "ocpp1.6")
        #expect(String(decoding: response, as: UTF8.self).contains("\r\nSec-WebSocket-Protocol: ocpp1.6\r\n"))
    }

    @Test func acceptsAChargerThatOffersNoProtocolWithoutAProtocolHeader() throws {
        for replacement in [nil, ""] as [String?] {
            let result = evaluate(try request(replacing: [("Sec-WebSocket-Protocol", replacement)]))
            let expected =
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: \(Self.accept)\r\n\r\n"
            #expect(result == .accept(chargerId: "CP1", subprotocol: nil, response: Array(expected.utf8)))
        }
    }

    @Test func answersWithTheChargersOwnSpellingOfOCPP16() throws {
        let result = evaluate(try request(replacing: [("Sec-WebSocket-Protocol", "OCPP1.6")]))
        guard case .accept(_, let subprotocol, _) = result else {
            Issue.record("refused: \(result)")
            return
        }
        #expect(subprotocol == "OCPP1.6")
    }

    @Test func refusesOnlyOtherProtocolsWith400() throws {
        let result = evaluate(try request(replacing: [("Sec-WebSocket-Protocol", "ocpp2.0.1, ocpp2.0")]))
        #expect(refusal(result) == .unsupportedSubprotocols(["ocpp2.0.1", "ocpp2.0"], accepted: ["ocpp1.6"]))
        #expect(refusal(result)?.status.code == 400)
    }

    /// `central.protocols` in order of preference: the first of the accepted ones the charger
    /// offers wins, whatever the order of the charger's offer (SPEC §12).
    @Test(arguments: [
        (["ocpp1.6", "ocpp2.0.1"], "ocpp2.0.1, ocpp1.6", "ocpp1.6"),
        (["ocpp2.0.1", "ocpp1.6"], "ocpp1.6, ocpp2.0.1", "ocpp2.0.1"),
        (["ocpp1.6", "ocpp2.0.1"], "ocpp2.0.1", "ocpp2.0.1"),
        (["ocpp2.0.1"], "ocpp2.1, ocpp2.0.1", "ocpp2.0.1"),
    ])
    func choosesTheFirstAcceptedProtocolTheChargerOffers(accepted: [String], offered: String, chosen: String) throws {
        let result = WebSocketUpgrade.evaluate(
            try request(replacing: [("Sec-WebSocket-Protocol", offered)]), acceptedSubprotocols: accepted
        ) { _ in .allowed }
        guard case .accept(_, let subprotocol, let response) = result else {
            Issue.record("refused: \(result)")
            return
        }
        #expect(subprotocol == chosen)
        #expect(String(decoding: response, as: UTF8.self).contains("\r\nSec-WebSocket-Protocol: \(chosen)\r\n"))
    }

    @Test func refusesAChargerOfferingOnlyProtocolsNotAccepted() throws {
        let result = WebSocketUpgrade.evaluate(
            try request(replacing: [("Sec-WebSocket-Protocol", "ocpp1.6")]), acceptedSubprotocols: ["ocpp2.0.1"]
        ) { _ in .allowed }
        #expect(refusal(result) == .unsupportedSubprotocols(["ocpp1.6"], accepted: ["ocpp2.0.1"]))
        #expect(refusal(result)?.message == "no supported subprotocol in ocpp1.6; this server accepts ocpp2.0.1")
    }

    @Test(arguments: [
        ("/ocpp/CP%201/", "CP 1"),
        ("/ocpp/CP1?x=1", "CP1"),
        ("/CP1", "CP1"),
        ("/steve/websocket/CentralSystemService/CP-7", "CP-7"),
        ("/ocpp/a%2Fb", "a/b"),
        ("/ocpp//CP1//", "CP1"),
    ])
    func takesTheChargerIdFromTheLastNonEmptySegment(_ target: String, _ id: String) throws {
        #expect(acceptedId(evaluate(try request(target))) == id)
    }

    @Test(arguments: ["/", "//", "/?id=CP1"])
    func refusesAPathWithoutAChargerIdWith404BeforeAskingAboutTheCharger(_ target: String) throws {
        var asked = false
        let result = WebSocketUpgrade.evaluate(try request(target)) { _ in
            asked = true
            return .passwordRequired("secret")
        }
        #expect(refusal(result) == .missingChargerId)
        #expect(refusal(result)?.status.code == 404)
        #expect(!asked)
    }

    @Test func refusesAnUnknownChargerWith404() throws {
        var askedAbout: String?
        let result = WebSocketUpgrade.evaluate(try request("/ocpp/CP%201")) { id in
            askedAbout = id
            return .refused
        }
        #expect(refusal(result) == .unknownCharger("CP 1"))
        #expect(refusal(result)?.status == .notFound)
        #expect(askedAbout == "CP 1")
    }

    // MARK: Charger ids (OCPP 2.0.1 Part 4 §3.1.1: at most 48 characters; docs/charger-management.md)

    /// The forged line of issue 8: a percent-encoded CR LF in the id, then a whole log line.
    @Test func refusesAnIdWithALineBreakWith400ByteForByteAndNeverAsksAboutIt() throws {
        var asked = false
        let result = WebSocketUpgrade.evaluate(
            try request("/ocpp/CP%0D%0A2099-01-01T00:00:00Z%20ERROR%20%5Bcentral%5D%20forged")
        ) { _ in
            asked = true
            return .allowed
        }
        #expect(!asked)
        #expect(
            refusal(result)
                == .invalidChargerId("CP\r\n2099-01-01T00:00:00Z ERROR [central] forged", .notPrintable("\r")))
        guard case .refuse(_, let response) = result else { return }
        let body =
            #"charger id "CP\r\n2099-01-01T00:00:00Z ERROR [central] forged" refused: "#
            + "it contains U+000D, which is not a printable character\n"
        let expected =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(String(decoding: response.bytes(), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        ("/ocpp/CP%00", ChargerIdProblem.notPrintable("\0")),
        ("/ocpp/CP%09tab", .notPrintable("\t")),
        ("/ocpp/CP%1B%5B31m", .notPrintable("\u{1B}")),
        ("/ocpp/CP%7F", .notPrintable("\u{7F}")),
        ("/ocpp/CP%C2%85", .notPrintable("\u{85}")),  // NEL
        ("/ocpp/CP%E2%80%A8", .notPrintable("\u{2028}")),  // line separator
        ("/ocpp/CP%E2%80%AEevil", .notPrintable("\u{202E}")),  // right-to-left override
        ("/ocpp/CP%E2%80%8B", .notPrintable("\u{200B}")),  // zero-width space
        ("/ocpp/" + String(repeating: "A", count: 49), .tooLong(characters: 49)),
        ("/ocpp/" + String(repeating: "%C3%A4", count: 49), .tooLong(characters: 49)),
        ("/ocpp/" + String(repeating: "x", count: 4000), .tooLong(characters: 4000)),
    ])
    func refusesIdsThatAreNotPrintableOrLongerThan48CharactersWith400(_ target: String, _ problem: ChargerIdProblem)
        throws
    {
        let result = evaluate(try request(target))
        guard case .invalidChargerId(_, let found) = refusal(result) else {
            Issue.record("not refused for its id: \(result)")
            return
        }
        #expect(found == problem)
        #expect(refusal(result)?.status.code == 400)
    }

    @Test func showsAtMost48CharactersOfARefusedIdInTheAnswer() throws {
        let result = evaluate(try request("/ocpp/" + String(repeating: "x", count: 4000)))
        let expected =
            #"charger id ""# + String(repeating: "x", count: 48) + #"..." refused: "#
            + "it has 4000 characters, more than the 48 OCPP allows"
        #expect(refusal(result)?.message == expected)
    }

    @Test(arguments: [
        String(repeating: "A", count: 48), "CP 1", "Garáž-1", "RDAM|123", "a:b", "*-_=+|@.", "ÄÖÜ✓",
    ])
    func acceptsPrintableIdsOfUpTo48Characters(_ id: String) throws {
        #expect(acceptedId(evaluate(try request("/ocpp/" + percentEncoded(id)))) == id)
    }

    /// Percent-encodes everything but ASCII letters and digits, as a charger would.
    private func percentEncoded(_ id: String) -> String {
        id.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            guard !(byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) else {
                return String(scalar)
            }
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }

    @Test func recommendsOnlyIdentifierStringCharactersWithoutTheColon() {
        #expect(ChargerIdRules.isRecommended("CP-1_a=b+c|d@e.f*"))
        #expect(ChargerIdRules.isRecommended(String(repeating: "A", count: 48)))
        for id in ["", "CP 1", "a:b", "Garáž", "CP/1", "CP%1", String(repeating: "A", count: 49)] {
            #expect(!ChargerIdRules.isRecommended(id), "\(id)")
        }
    }

    @Test(arguments: [
        ("POST", "HTTP/1.1", [] as [(String, String?)], WebSocketUpgradeError.methodNotAllowed("POST"), 405),
        ("GET", "HTTP/1.0", [], .httpVersionTooOld(.http10), 400),
        ("GET", "HTTP/1.1", [("Upgrade", nil)], .missingUpgradeHeader, 426),
        ("GET", "HTTP/1.1", [("Upgrade", "h2c")], .missingUpgradeHeader, 426),
        ("GET", "HTTP/1.1", [("Connection", nil)], .missingConnectionUpgrade, 400),
        ("GET", "HTTP/1.1", [("Connection", "keep-alive")], .missingConnectionUpgrade, 400),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Version", "8")], .unsupportedWebSocketVersion("8"), 426),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Version", "13, 8")], .unsupportedWebSocketVersion("13, 8"), 426),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Version", nil)], .unsupportedWebSocketVersion(nil), 426),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Key", nil)], .invalidWebSocketKey, 400),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Key", "not base64!")], .invalidWebSocketKey, 400),
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAA")], .invalidWebSocketKey, 400),  // 15 bytes
        ("GET", "HTTP/1.1", [("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ")], .invalidWebSocketKey, 400),
    ])
    func refusesInvalidHandshakesWithTheRightStatus(
        _ method: String, _ version: String, _ replacing: [(String, String?)], _ error: WebSocketUpgradeError,
        _ status: Int
    ) throws {
        let result = evaluate(try request(method: method, version: version, replacing: replacing))
        #expect(refusal(result) == error)
        #expect(error.status.code == status)
    }

    @Test func refusesTwoKeys() throws {
        let result = evaluate(try request(adding: [("Sec-WebSocket-Key", Self.key)]))
        #expect(refusal(result) == .invalidWebSocketKey)
    }

    @Test func acceptsHeaderTokensInAnyCaseAndPosition() throws {
        let result = evaluate(
            try request(replacing: [("Upgrade", "WebSocket"), ("Connection", "keep-alive, upgrade")]))
        #expect(acceptedId(result) == "CP1")
    }

    @Test func tellsTheClientWhichVersionToUse() {
        let bytes = WebSocketUpgradeError.unsupportedWebSocketVersion("8").response.bytes()
        let expected =
            "HTTP/1.1 426 Upgrade Required\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Sec-WebSocket-Version: 13\r\nConnection: close\r\nContent-Length: 58\r\n\r\n"
            + "unsupported Sec-WebSocket-Version 8; only 13 is supported\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        let plain = WebSocketUpgradeError.missingUpgradeHeader.response
        #expect(plain.headers["Upgrade"] == "websocket")
        #expect(plain.headers["Connection"] == "Upgrade, close")
        #expect(WebSocketUpgradeError.methodNotAllowed("PUT").response.headers["Allow"] == "GET")
    }

    // MARK: Basic auth

    private func basic(_ credentials: String) -> String {
        "Basic " + Base64.encode(Array(credentials.utf8))
    }

    @Test func acceptsTheRightCredentials() throws {
        let result = evaluate(
            try request(adding: [("Authorization", basic("CP1:secret"))]), admission: .passwordRequired("secret"))
        #expect(acceptedId(result) == "CP1")
    }

    @Test func acceptsALowercaseSchemeAndAPasswordWithAColon() throws {
        let header = "basic " + Base64.encode(Array("CP1:a:b".utf8))
        let result = evaluate(try request(adding: [("Authorization", header)]), admission: .passwordRequired("a:b"))
        #expect(acceptedId(result) == "CP1")
    }

    @Test func ignoresCredentialsForAChargerWithoutPassword() throws {
        let result = evaluate(try request(adding: [("Authorization", basic("CP1:whatever"))]), admission: .allowed)
        #expect(acceptedId(result) == "CP1")
    }

    @Test func refusesMissingCredentialsWith401AndAChallenge() throws {
        let result = evaluate(try request(), admission: .passwordRequired("secret"))
        #expect(refusal(result) == .missingCredentials(chargerId: "CP1"))
        guard case .refuse(_, let response) = result else { return }
        let expected =
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "WWW-Authenticate: Basic realm=\"ampwise\"\r\nConnection: close\r\nContent-Length: 51\r\n\r\n"
            + "charger CP1 must authenticate with HTTP Basic auth\n"
        #expect(String(decoding: response.bytes(), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        "Basic " + Base64.encode(Array("CP1:wrong".utf8)),
        "Basic " + Base64.encode(Array("CP2:secret".utf8)),
        "Basic " + Base64.encode(Array("CP1:secret2".utf8)),
        "Basic " + Base64.encode(Array("CP1:".utf8)),
        "Basic " + Base64.encode(Array("CP1secret".utf8)),
        "Basic not-base64",
        "Bearer " + Base64.encode(Array("CP1:secret".utf8)),
        "Basic",
    ])
    func refusesWrongCredentialsWith401(_ authorization: String) throws {
        let result = evaluate(
            try request(adding: [("Authorization", authorization)]), admission: .passwordRequired("secret"))
        #expect(refusal(result) == .wrongCredentials(chargerId: "CP1"))
        #expect(refusal(result)?.response.headers["WWW-Authenticate"] == #"Basic realm="ampwise""#)
        #expect(refusal(result)?.status.code == 401)
    }

    @Test func decodesAndEncodesBase64() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9vYmE=") == Array("fooba".utf8))
        #expect(Base64.decode("Zm9=YmE=") == nil)
        #expect(Base64.decode("Zg=") == nil)
        #expect(Base64.decode("Z===") == nil)
    }
}
