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
}
