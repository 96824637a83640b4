@testable import ReplyLint
import Testing

/// Where the copy-safety reading splits a reply into sentences: an ask reaches its item only
/// within one, and a negation cancels only in its own clause.
@Suite struct ClausesTests {
    /// The sentences of `text`, as the reading finds them.
    static func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let clauses = Clauses(bytes, breaks: [])
        var result: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(clauses.sentence(of: start).upperBound, bytes.count)
            result.append(String(decoding: bytes[start..<end], as: UTF8.self).trimmingPrefix(" ").description)
            start = end
        }
        return result
    }

    @Test(arguments: [
        ("Sorry for the wait. What's your order number?", ["Sorry for the wait.", "What's your order number?"]),
        // An emoji before a capital or another script ends a sentence; before a lowercase word it does not.
        ("That's not what we want 💙 What's the date of birth?", ["That's not what we want 💙", "What's the date of birth?"]),
        ("Pop it below 👇 and we'll check", ["Pop it below 👇 and we'll check"]),
        ("Sorry 🙇‍♀️ 注文番号を教えてください。", ["Sorry 🙇‍♀️", "注文番号を教えてください。"]),
        // …nor before the list it introduces.
        ("以下をリプでお願いします🙏 ・お客さま番号", ["以下をリプでお願いします🙏 ・お客さま番号"]),
        // Spanish opens a question with ¿.
        ("No encontró el edificio ¿Nos confirmas la dirección?", ["No encontró el edificio ", "¿Nos confirmas la dirección?"]),
        // An abbreviation's dot before a lowercase word or before kana is no full stop.
        ("The phone no. you used, please.", ["The phone no. you used, please."]),
        ("PLZ und Hausnr. bitte hier rein.", ["PLZ und Hausnr. bitte hier rein."]),
        ("注文No.ってわかります？", ["注文No.ってわかります？"]),
        ("We checked it. Thanks!", ["We checked it.", "Thanks!"]),
    ])
    func splitsSentences(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }
}
