import Testing

@testable import Tariffs

@Suite struct XMLReaderTests {
    @Test func readsElementsTextAndAttributesWithPrefixesDropped() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <ns:Root xmlns:ns="urn:x" kind='a&amp;b'>
              <Child>one &lt;1&gt; &#65;&#x42;</Child>
              <Child><![CDATA[<raw>]]></Child>
              <Empty/>
            </ns:Root>
            """
        let root = try XMLReader.parse(Array(document.utf8))
        #expect(root.name == "Root")
        #expect(root.attributes["kind"] == "a&b")
        #expect(root.children("Child").map(\.text) == ["one <1> AB", "<raw>"])
        #expect(root.child("Empty") == XMLElement(name: "Empty"))
    }

    @Test func refusesWhatItCannotReadSafely() {
        let refused = [
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a><b></a>", "<a>", "<a>&unknown;</a>", "<a></a><b/>",
            "text",
        ]
        for text in refused {
            #expect(throws: XMLParseError.self, "\(text)") { try XMLReader.parse(Array(text.utf8)) }
        }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: XMLParseError.self) { try XMLReader.parse(Array(deep.utf8)) }
    }
}
