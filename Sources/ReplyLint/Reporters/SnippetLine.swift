/// One source line as a human report shows it, with where its carets go.
///
/// A line that fits ``width`` display columns is shown whole. A longer one is cut as rustc cuts
/// it: a window around the span, with `...` where text is left out on either side, and a span too
/// wide for the window shortened in its middle. Carets stand only under what is shown.
struct SnippetLine {
    /// The text to print after the gutter: tabs expanded, control characters dropped.
    var text: String
    /// Display columns before the first caret.
    var caretOffset: Int
    /// How many carets: at least one, for an empty span.
    var caretCount: Int

    /// The widest a shown line gets, in display columns, `...` included.
    static let width = 120
    /// The least context kept on each side of a span that is shortened.
    static let minimumContext = 10
    static let ellipsis = "..."

    /// `line` with the span of scalars `start..<end` (0-based; clamped to the line).
    init(_ line: String, start: Int, end: Int, width: Int = Self.width) {
        let scalars = Array(line.unicodeScalars)
        let widths = scalars.map(DisplayWidth.of)
        let start = min(max(start, 0), scalars.count)
        let end = min(max(end, start), scalars.count)
        let before = widths[..<start].reduce(0, +)
        let covered = widths[start..<end].reduce(0, +)
        let after = widths[end...].reduce(0, +)
        guard before + covered + after > width else {
            self.init(text: DisplayWidth.shown(line), caretOffset: before, caretCount: max(covered, 1))
            return
        }
        let marker = Self.ellipsis.count
        // The span: whole, or its two ends around `...`, leaving room for some context each side
        // (all of it where there is little).
        let context = Self.minimumContext + marker
        let widestSpan = width - min(before, context) - min(after, context)
        var span = Self.text(scalars[start..<end])
        var spanWidth = covered
        if covered > widestSpan {
            let half = (widestSpan - marker) / 2
            let head = Self.prefix(widths, from: start, upTo: end, width: half)
            let tail = Self.suffix(widths, downTo: head, from: end, width: widestSpan - marker - half)
            span = Self.text(scalars[start..<head]) + Self.ellipsis + Self.text(scalars[tail..<end])
            spanWidth = widths[start..<head].reduce(0, +) + marker + widths[tail..<end].reduce(0, +)
        }
        // The context: what fits beside the span, shared out evenly, a side that needs less
        // leaving the rest to the other; a side that is cut gives room to its `...`.
        let budget = max(width - max(spanWidth, 1), 0)
        let leftWidth: Int, rightWidth: Int
        if before + after <= budget {
            (leftWidth, rightWidth) = (before, after)
        } else if before <= budget / 2 {
            (leftWidth, rightWidth) = (before, budget - before - marker)
        } else if after <= budget / 2 {
            (leftWidth, rightWidth) = (budget - after - marker, after)
        } else {
            (leftWidth, rightWidth) = (budget / 2 - marker, budget - budget / 2 - marker)
        }
        var left = Self.suffix(widths, downTo: 0, from: start, width: max(leftWidth, 0))
        // A mark whose base was cut off goes with it.
        while left > 0, left < start, widths[left] == 0 { left += 1 }
        let right = Self.prefix(widths, from: end, upTo: scalars.count, width: max(rightWidth, 0))
        let leftText = (left > 0 ? Self.ellipsis : "") + Self.text(scalars[left..<start])
        let rightText = Self.text(scalars[end..<right]) + (right < scalars.count ? Self.ellipsis : "")
        self.init(text: leftText + span + rightText,
                  caretOffset: (left > 0 ? marker : 0) + widths[left..<start].reduce(0, +),
                  caretCount: max(spanWidth, 1))
    }

    private init(text: String, caretOffset: Int, caretCount: Int) {
        self.text = text
        self.caretOffset = caretOffset
        self.caretCount = caretCount
    }

    /// The end of the longest run of scalars from `start` (before `limit`) at most `width` wide.
    private static func prefix(_ widths: [Int], from start: Int, upTo limit: Int, width: Int) -> Int {
        var index = start, used = 0
        while index < limit, used + widths[index] <= width {
            used += widths[index]
            index += 1
        }
        return index
    }

    /// The start of the longest run of scalars ending at `end` (from `limit` on) at most `width` wide.
    private static func suffix(_ widths: [Int], downTo limit: Int, from end: Int, width: Int) -> Int {
        var index = end, used = 0
        while index > limit, used + widths[index - 1] <= width {
            used += widths[index - 1]
            index -= 1
        }
        return index
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return DisplayWidth.shown(String(view))
    }
}
