import Testing
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// A template error must point at its line and column in the YAML file, whatever the scalar style.
@Suite struct ScalarSourceMapTests {
    @Test(arguments: [
        "t: Hi {first ↓name}\n",
        "t: Hi there, friend, and\n  more {first ↓name}\n",
        "t: \"Caf\\u00e9 \\\"x\\\" {a, ↓number}\"\n",
        "t: \"one \\\n  two {a, ↓date}\"\n",
        "t: 'it''s {a, plural, one {x}↓}'\n",
        "t: |-\n  Line one\n  Line ↓{two\n",
        "t: >-\n  Sorry for the wait,\n\n  {days, plural, one {# day} ↓othr {# days}}\n",
        "t: >\n    deep\n    indent {x, ↓spellout}\n",
        "t: \"日本語 {名前}\" # ↓ not here\n",
        "t: |\n  日本語 ✈️\n  {x, ↓number}\n",
        "t: \"tab\\there {x,↓ordinal}\"\r\n",
    ])
    func errorPointsIntoTheFile(marked: String) throws {
        // The marker in a comment is a decoy: the error must be elsewhere, so take the real one.
        let markers = marked.ranges(of: "↓")
        let real = marked.contains("# ↓ not here") ? nil : markers.first
        let sourceText = marked.replacing("↓", with: "")
        let file = SourceFile(path: "t.yaml", bytes: Array(sourceText.utf8))
        let node = try #require(try YAMLParser.parse(file.bytes)?["t"])
        let text = TemplateText(value: try #require(node.scalar), range: node.range, style: try #require(node.scalarStyle))
        let error = try #require(throws: TemplateSyntaxError.self) { try MessageParser.parse(text.value) }
        let location = ScalarSourceMap(text, in: file).range(error.span).start
        if let real {
            let expectedOffset = marked[..<real.lowerBound].utf8.count
            #expect(location == file.location(ofByte: expectedOffset), "\(error.message)")
        } else {
            // `{名前}`: a name must be ASCII; the error is at the first byte of `名`.
            let expectedOffset = Array(file.bytes).firstIndex(of: 0xE5)!
            #expect(location == file.location(ofByte: expectedOffset), "\(error.message)")
        }
    }

    /// A text the file holds byte for byte is mapped by its offset from where it starts: the same
    /// locations as the walk, at every offset, for every style that can be read so (and the others
    /// are walked).
    @Test(arguments: [
        ("t: Hi {first_name}, thanks\n", true),
        ("t: \"Hi {first_name}\"\n", true),
        ("t: 'Hi {first_name}'\n", true),
        ("t: \"日本語 {名前} ✈️\" # comment\n", true),
        ("t: Café Zoë 🎉 {x}   \n", true),
        ("t: 'it''s {x}'\n", false),
        ("t: \"tab\\there {x}\"\r\n", false),
        ("t: \"one \\\n  two {a}\"\n", false),
        ("t: Hi there, friend, and\n  more {first_name}\n", false),
        ("t: |-\n  Line one\n  Line {two}\n", false),
        ("t: >-\n  Sorry for the wait,\n\n  {days}\n", false),
    ])
    func verbatimTextsMapAsTheWalkDoes(source: String, verbatim: Bool) throws {
        let file = SourceFile(path: "t.yaml", bytes: Array(source.utf8))
        let node = try #require(try YAMLParser.parse(file.bytes)?["t"])
        let text = TemplateText(value: try #require(node.scalar), range: node.range, style: try #require(node.scalarStyle))
        let map = ScalarSourceMap(text, in: file)
        #expect((map.verbatimStart != nil) == verbatim)
        let count = text.value.utf8.count
        for lower in -1...count + 1 {
            for upper in lower...count + 2 {
                let walked = map.walkedEnds(lower..<upper)
                #expect(map.range(lower..<upper).start == walked.start)
                #expect(map.sourceRange(lower..<upper).end == (walked.end.offset >= walked.start.offset ? walked.end : walked.start))
            }
        }
    }
}
