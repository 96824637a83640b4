import Foundation
import ReplyServer
import Testing

@Suite("JSONLineLogHandler")
struct JSONLineLogHandlerTests {
    @Test("a field is one JSON string on one line, whatever it holds", arguments: [
        "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{0}\u{1F}\u{7F}", "C1 \u{85} control",
        "separators \u{2028} \u{2029}", "accents é, CJK 漢字, emoji 👋🏽",
    ])
    func quoting(text: String) throws {
        var line: [UInt8] = []
        JSONLineLogHandler.quote(text, into: &line)
        #expect(!line.contains(0x0A) && !line.contains(0x0D))
        #expect(!String(decoding: line, as: UTF8.self).unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" })
        let parsed = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) as? String
        #expect(parsed == text)
    }
}
