import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport
@testable import ReplyLint
import Testing

/// Lines wider than a snippet shows (`SnippetLine.width`) are cut around the span, as rustc cuts
/// them, rather than printed whole with a caret per character.
@Suite struct LongLineSnippetTests {
    static let repository = TestSupport.fixtures.appendingPathComponent("long-lines").path

    static func lint() -> String {
        TestSupport.lint([repository]).stdout.replacingOccurrences(of: repository + "/", with: "")
    }

    @Test func longLinesAreCutAroundTheSpan() throws {
        try expectGolden(Self.lint(), "long-lines.txt")
    }

    /// Every source line and caret line fits the width, and the carets stand under the span.
    @Test func snippetsFitTheWidthWithCaretsUnderTheSpan() throws {
        let lines = Self.lint().components(separatedBy: "\n")
        var snippets = 0
        for (index, line) in lines.enumerated() where index + 1 < lines.count {
            // A source line: `12 | text`, followed by its caret line `   | ^^^`.
            guard let bar = line.range(of: " | "), line[..<bar.lowerBound].allSatisfy(\.isNumber),
                  !line[..<bar.lowerBound].isEmpty else { continue }
            let shown = Array(line[bar.upperBound...].unicodeScalars)
            let carets = lines[index + 1].dropFirst(line.distance(from: line.startIndex, to: bar.upperBound))
            #expect(shown.reduce(0) { $0 + DisplayWidth.of($1) } <= SnippetLine.width, "too wide: \(line)")
            let offset = carets.prefix { $0 == " " }.count
            let count = carets.dropFirst(offset).prefix { $0 == "^" }.count
            #expect(count >= 1 && offset + count <= max(SnippetLine.width, 1), "carets past the width: \(lines[index + 1])")
            let above = SnippetLineTests.text(of: shown, columns: offset..<offset + count)
            #expect(!above.isEmpty, "no text above the carets of \(line)")
            if lines[index - 2].hasPrefix("warning[shouting]") { #expect(above == "PLEASE") }
            if lines[index - 2].hasPrefix("info[exclamation]") { #expect(above == "!") }
            snippets += 1
        }
        #expect(snippets == 7)
    }
}

/// ``SnippetLine`` on lines of every width and span position: what it shows fits, the carets stand
/// under the span (or its shortened form), and a line that fits is shown as it is.
@Suite struct SnippetLineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var line: String
        var start: Int
        var end: Int
        var testDescription: String { name }
    }

    static let words = String(repeating: "lorem ipsum dolor ", count: 30)
    static let cases: [Case] = [
        Case(name: "short line", line: "    text: Hi there", start: 10, end: 12),
        Case(name: "span in the middle", line: words, start: 250, end: 255),
        Case(name: "span at the start", line: words, start: 0, end: 5),
        Case(name: "span at the end", line: words, start: 530, end: 540),
        Case(name: "empty span past the end", line: words, start: 540, end: 540),
        Case(name: "whole line", line: words, start: 0, end: 540),
        Case(name: "wide characters", line: String(repeating: "お待たせしました。", count: 30), start: 120, end: 125),
        Case(name: "tabs", line: String(repeating: "\tword", count: 100), start: 250, end: 254),
        Case(name: "combining marks at the cut", line: String(repeating: "e\u{301}", count: 300), start: 300, end: 302),
    ]

    /// The scalars of `shown` in display `columns`, each zero-width one with the scalar before it.
    static func text(of shown: [Unicode.Scalar], columns: Range<Int>) -> String {
        var column = 0
        var text = ""
        var previousIn = false
        for scalar in shown {
            let width = DisplayWidth.of(scalar)
            let isIn = width == 0 ? previousIn : columns.contains(column)
            if isIn { text.unicodeScalars.append(scalar) }
            previousIn = isIn
            column += width
        }
        return text
    }

    @Test(arguments: cases)
    func showsTheSpanWithinTheWidth(_ testCase: Case) {
        let snippet = SnippetLine(testCase.line, start: testCase.start, end: testCase.end)
        let shown = Array(snippet.text.unicodeScalars)
        #expect(shown.reduce(0) { $0 + DisplayWidth.of($1) } <= SnippetLine.width)
        #expect(snippet.caretCount >= 1 && snippet.caretOffset + snippet.caretCount <= SnippetLine.width + 1)
        let scalars = Array(testCase.line.unicodeScalars)
        let span = String(String.UnicodeScalarView(scalars[testCase.start..<min(testCase.end, scalars.count)]))
        if DisplayWidth.of(scalars) <= SnippetLine.width {
            #expect(snippet.text == DisplayWidth.shown(testCase.line))
        }
        // The scalars under the carets are the span, or its two ends around `...`.
        let above = Self.text(of: shown, columns: snippet.caretOffset..<snippet.caretOffset + snippet.caretCount)
        let expected = DisplayWidth.shown(span)
        if above.contains("...") {
            let ends = above.components(separatedBy: "...")
            #expect(ends.count == 2 && expected.hasPrefix(ends[0]) && expected.hasSuffix(ends[1]), "\(above)")
        } else if !expected.isEmpty {
            #expect(above == expected)
        }
        // Nothing is shown that the line does not hold, but for `...`.
        let pieces = snippet.text.components(separatedBy: "...").filter { !$0.isEmpty }
        #expect(pieces.allSatisfy { DisplayWidth.shown(testCase.line).contains($0) })
        // A combining mark is never shown without its letter.
        #expect(snippet.text.unicodeScalars.first?.properties.generalCategory != .nonspacingMark)
        #expect(!snippet.text.contains(".\u{301}"))
    }
}
