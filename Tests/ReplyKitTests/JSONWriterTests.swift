import Testing
import ReplyKit
@testable import ReplyKitSupport
import ReplyCompiler

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

    @Test(arguments: [(0, "0"), (7, "7"), (10, "10"), (-42, "-42"), (280, "280"),
                      (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808")])
    func integersAreWrittenInDecimal(value: Int, text: String) {
        var writer = JSONWriter(pretty: false)
        writer.int(value)
        #expect(writer.text == text)
    }

    /// Bytes A8 and A9 escape only as the end of U+2028/U+2029: elsewhere they continue other
    /// characters (`è` is C3 A8, `©` is C2 A9).
    @Test(arguments: [("è©", #""è©""#), ("a\u{2029}b", #""a\u2029b""#), ("\u{1}\t", #""\u0001\t""#),
                      ("\\/", #""\\/""#), ("plain text", #""plain text""#)])
    func stringsEscapeWhatJSONAndJavaScriptNeed(value: String, text: String) {
        var writer = JSONWriter(pretty: false)
        writer.string(value)
        #expect(writer.text == text)
    }

    /// Plain text is passed over eight bytes at a time: a character to escape must be found at
    /// every position of a word, in text of every length around it.
    @Test(arguments: [("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1F}", #"\u001f"#), ("\u{2028}", #"\u2028"#),
                      ("é", "é"), ("©", "©")])
    func escapesAreFoundAtEveryPosition(character: String, escaped: String) {
        for before in 0..<17 {
            for after in [0, 1, 7, 8, 9] {
                let padding = (String(repeating: "ab", count: 9).prefix(before), String(repeating: "xy", count: 5).prefix(after))
                var writer = JSONWriter(pretty: false)
                writer.string(padding.0 + character + padding.1)
                #expect(writer.text == "\"" + padding.0 + escaped + padding.1 + "\"", "\(before) before, \(after) after")
            }
        }
    }
}

/// A long array written in parts by writers of their own must read exactly as if one writer had
/// written it all.
@Suite struct JSONWriterPartsTests {
    static func write(_ items: Range<Int>, _ json: inout JSONWriter) {
        for item in items {
            json.beginObject()
            json.key("n"); json.int(item)
            json.key("tags"); json.beginArray(); json.string("t\(item)"); json.endArray()
            json.endObject()
        }
    }

    @Test(arguments: [true, false], [[0..<3, 3..<5, 5..<9], [0..<0, 0..<2, 2..<2, 2..<3], [0..<0], [0..<4]])
    func partsJoinIntoWhatOneWriterWrites(pretty: Bool, parts: [Range<Int>]) {
        func head(_ json: inout JSONWriter) {
            json.beginObject()
            json.key("version"); json.int(1)
            json.key("items"); json.beginArray()
        }
        func tail(_ json: inout JSONWriter) {
            json.endArray()
            json.endObject()
        }
        var whole = JSONWriter(pretty: pretty)
        head(&whole)
        for part in parts { Self.write(part, &whole) }
        tail(&whole)

        var json = JSONWriter(pretty: pretty)
        head(&json)
        var text = json.takeText()
        for part in parts {
            var writer = json.continuation(afterItems: (parts.first?.lowerBound ?? 0) < part.lowerBound)
            Self.write(part, &writer)
            text += writer.takeText()
        }
        var end = json.continuation(afterItems: parts.contains { !$0.isEmpty })
        tail(&end)
        text += end.takeText()
        #expect(text == whole.text)
    }
}
