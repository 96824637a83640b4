@testable import ReplyKit
import Testing
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// The loader's and rules' string table: a map that must behave as a `Dictionary` of byte-equal keys.
@Suite struct StringTableTests {
    @Test func findsEveryKeyItHoldsAndNoOther() {
        var table = StringTable<Int>()
        let keys = (0..<1_000).map { "reply-\($0)" } + ["", "注文番号", "🙂", String(repeating: "x", count: 300)]
        for (index, key) in keys.enumerated() {
            let added = table.insert(key, index)
            #expect(added)
        }
        #expect(table.count == keys.count)
        for (index, key) in keys.enumerated() { #expect(table[key] == index, "\(key)") }
        for missing in ["reply-1000", "reply-", "Reply-1", "注文", "x"] { #expect(table[missing] == nil, "\(missing)") }
    }

    @Test func keepsTheFirstValueOfAKey() {
        var table = StringTable<String>(capacity: 2)
        let first = table.insert("refund", "first")
        let second = table.insert("refund", "second")
        #expect(first && !second)
        #expect(table["refund"] == "first" && table.count == 1)
    }

    @Test func keysThatDifferOnlyInNormalizationAreDifferent() {
        var table = StringTable<Int>()
        table.insert("caf\u{E9}", 1)
        #expect(table["cafe\u{301}"] == nil)
        let added = table.insert("cafe\u{301}", 2)
        #expect(added && table["cafe\u{301}"] == 2 && table["caf\u{E9}"] == 1)
    }

    @Test func isEmptyAndReusableAfterRemoveAll() {
        var table = StringTable<Int>()
        for index in 0..<100 { table.insert("t\(index)", index) }
        table.removeAll()
        #expect(table.count == 0 && table["t1"] == nil)
        let added = table.insert("t1", 7)
        #expect(added && table["t1"] == 7)
    }
}

/// Decoding a string's UTF-8 in place must give the scalars `unicodeScalars` gives.
@Suite struct UTF8BytesTests {
    @Test(arguments: ["", "plain ASCII", "ñandú", "注文番号を", "مرحبا", "👨‍👩‍👧‍👦 🇲🇽", "a\u{301}\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
    func decodesEveryScalarAndItsWidth(_ text: String) {
        var decoded: [Unicode.Scalar] = []
        text.withUTF8Bytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let (scalar, width) = bytes.scalar(at: offset)
                #expect(width == UTF8.width(scalar))
                decoded.append(scalar)
                offset += width
            }
        }
        #expect(decoded == Array(text.unicodeScalars))
    }
}
