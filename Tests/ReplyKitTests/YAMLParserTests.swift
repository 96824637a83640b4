import ReplyKit
@testable import ReplyKitSupport
import Testing
import ReplyCompiler

@Suite struct YAMLParserTests {
    private func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try YAMLParser.parse(Array(text.utf8), limits: limits)
    }

    @Test func scalarsStayStrings() throws {
        let root = try #require(try parse("locale: no\ntext: yes\nn: 012\n"))
        #expect(root["locale"]?.scalar == "no")
        #expect(root["text"]?.scalar == "yes")
        #expect(root["n"]?.scalar == "012")
        #expect(root["locale"]?.scalarStyle == .plain)
    }

    /// An escape can make a scalar longer than its source (`\\L` is two bytes for U+2028's three):
    /// scalars of a file that grow past the file's own length are kept whole.
    @Test func escapesThatGrowPastTheFileAreKept() throws {
        let escapes = String(repeating: "\\L", count: 200)
        let root = try #require(try parse("a: \"\(escapes)\"\nb: \"\(escapes)\"\nc: end\n"))
        let expanded = String(repeating: "\u{2028}", count: 200)
        #expect(root["a"]?.scalar == expanded && root["b"]?.scalar == expanded && root["c"]?.scalar == "end")
    }

    /// Columns count Unicode scalars, offsets count bytes, both for keys and values.
    @Test func rangesCountScalarsAndBytes() throws {
        let root = try #require(try parse("a: x\n名前: \"é🙂\"\n"))
        let pair = try #require(root.mapping?[1])
        #expect(pair.key.range.start == SourceLocation(line: 2, column: 1, offset: 5))
        #expect(pair.key.range.end == SourceLocation(line: 2, column: 3, offset: 11))
        #expect(pair.value.range.start == SourceLocation(line: 2, column: 5, offset: 13))
        #expect(pair.value.range.end == SourceLocation(line: 2, column: 9, offset: 21))
        #expect(pair.value.scalar == "é🙂")
        #expect(pair.value.scalarStyle == .doubleQuoted)
    }

    @Test(arguments: [
        ("t: |\n  one\n  two\n", YAMLNode.ScalarStyle.literal, "one\ntwo\n"),
        ("t: >-\n  one\n  two\n", .folded, "one two"),
        ("t: 'it''s'\n", .singleQuoted, "it's"),
        ("t: \"a\\tb\"\n", .doubleQuoted, "a\tb"),
    ])
    func scalarStyles(source: String, style: YAMLNode.ScalarStyle, text: String) throws {
        let value = try #require(try parse(source)?["t"])
        #expect(value.scalarStyle == style)
        #expect(value.scalar == text)
        #expect(value.range.start.line == 1 && value.range.start.column == 4)
    }

    @Test func emptyAndCommentOnlyFilesHaveNoDocument() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# just a comment\n") == nil)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let root = try #require(try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8)))
        #expect(root["a"]?.scalar == "b")
        #expect(root.mapping?[0].key.range.start == SourceLocation(line: 1, column: 1, offset: 3))
    }

    @Test func unicodeLineBreaksEndLinesAsLibyamlCounts() throws {
        // libyaml ends lines at NEL and LS too; offsets must still land on the right byte.
        let text = "a: \u{E9}t\u{E9}\u{2028}\nb: c\u{85}d: \u{65E5}\n"
        let bytes = Array(text.utf8)
        let root = try #require(try YAMLParser.parse(bytes))
        let d = try #require(root.mapping?.last)
        #expect(d.key.scalar == "d")
        #expect(d.key.range.start.line == 4)
        #expect(d.key.range.start.column == 1)
        #expect(bytes[d.key.range.start.offset] == UInt8(ascii: "d"))
        #expect(bytes[d.value.range.start.offset] == 0xE6)
        #expect(d.value.range.end.offset == bytes.count - 1)
    }

    /// Lines of every length, in Latin, CJK and emoji, ended by each break libyaml knows: the line
    /// index skips eight bytes at a time, so breaks must be found at every alignment.
    @Test func everyBreakIsFoundAtEveryAlignment() throws {
        let breaks = ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        let fillers = ["", "x", "é", "日本", "🙂", "abcdefg", "éééé", "x日本語テキストです🙂🙂"]
        var text = ""
        var count = 0
        for width in 0..<17 {
            for (index, filler) in fillers.enumerated() {
                let value = String(repeating: "v", count: width + 1) + filler
                text += "k\(count): \(value)" + breaks[(width + index) % breaks.count]
                count += 1
            }
        }
        let bytes = Array(text.utf8)
        let pairs = try #require(try YAMLParser.parse(bytes)?.mapping)
        #expect(pairs.count == count)
        for (line, pair) in pairs.enumerated() {
            #expect(pair.key.scalar == "k\(line)")
            #expect(pair.key.range.start.line == line + 1 && pair.key.range.start.column == 1)
            #expect(bytes[pair.key.range.start.offset] == UInt8(ascii: "k"))
            let value = try #require(pair.value.scalar)
            let end = pair.value.range.end
            #expect(end.column == 4 + "\(line)".count + value.unicodeScalars.count)
            #expect(Array(bytes[pair.value.range.start.offset..<end.offset]) == Array(value.utf8))
        }
    }

    @Test func controlCharacterIsReportedAtItsByte() {
        #expect { try YAMLParser.parse(Array("a: ok\nb: x\u{7}y\n".utf8)) } throws: { error in
            (error as? YAMLError)?.reason == .controlCharacter(7)
                && (error as? YAMLError)?.location == SourceLocation(line: 2, column: 5, offset: 10)
        }
        // Bytes that are not UTF-8 come first, wherever they are.
        let bytes = Array("a: \u{1}\nb: caf".utf8) + [0xE9]
        #expect { try YAMLParser.parse(bytes) } throws: { error in
            (error as? YAMLError)?.reason == .invalidUTF8 && (error as? YAMLError)?.location.line == 2
        }
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        let bytes = Array("a: ok\nb: caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect { try YAMLParser.parse(bytes) } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.reason == .invalidUTF8 && error.location == SourceLocation(line: 2, column: 7, offset: 12)
        }
    }

    @Test func aliasBombFailsFast() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        #expect { try parse(text) } throws: { error in
            guard let error = error as? YAMLError, case .aliasBudgetExceeded = error.reason else { return false }
            return error.location.line > 1
        }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect { try parse(text) } throws: { error in
            guard let error = error as? YAMLError, case .tooDeep(let limit) = error.reason else { return false }
            return limit == 64 && error.location.column == 65
        }
    }

    @Test func secondDocumentIsRefused() {
        #expect { try parse("a: 1\n---\nb: 2\n") } throws: { error in
            (error as? YAMLError)?.reason == .multipleDocuments && (error as? YAMLError)?.location.line == 2
        }
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        let limits = YAMLLimits(maxBytes: 16)
        #expect { try parse("text: \(String(repeating: "x", count: 100))\n", limits: limits) } throws: { error in
            (error as? YAMLError)?.reason == .tooLarge(bytes: 107, limit: 16)
        }
    }

    @Test func syntaxErrorHasLibyamlsPosition() {
        #expect { try parse("a: b\n  c: d\n") } throws: { error in
            guard let error = error as? YAMLError, case .syntax = error.reason else { return false }
            return error.location.line == 2
        }
    }
}
