import Testing
import ReplyKit

@Suite struct JSONWriterTests {
    static let value: JSONValue = .object([
        ("name", .string("say \"hi\"\n\u{2028}")),
        ("empty", .array([])),
        ("none", .object([])),
        ("items", .array([.int(1), .null, .bool(false)])),
        ("inner", .object([("a", .string("b"))])),
    ])

    @Test func compactIsOneLineWithEscapes() {
        #expect(Self.value.serialized() == #"{"name": "say \"hi\"\n\u2028", "empty": [], "none": {}, "items": [1,null,false], "inner": {"a": "b"}}"#)
    }

    @Test func prettyIndentsTwoSpacesALevel() {
        #expect(Self.value.serialized(pretty: true) == """
            {
              "name": "say \\"hi\\"\\n\\u2028",
              "empty": [],
              "none": {},
              "items": [
                1,
                null,
                false
              ],
              "inner": {
                "a": "b"
              }
            }
            """)
    }

    @Test func streamedCallsWriteWhatTheValueWould() {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("name"); writer.string("say \"hi\"\n\u{2028}")
        writer.key("empty"); writer.beginArray(); writer.endArray()
        writer.key("none"); writer.value(.object([]))
        writer.key("items"); writer.beginArray(); writer.int(1); writer.int(nil); writer.bool(false); writer.endArray()
        writer.key("inner"); writer.beginObject(); writer.key("a"); writer.string("b"); writer.endObject()
        writer.endObject()
        writer.endLine()
        #expect(writer.text == Self.value.serialized(pretty: true) + "\n")
    }
}
