import ReplyKit
import ReplyCompiler
import ReplyKitSupport
import TweetText

/// A parsed message as rendering sees it: its marks (placeholders, `plural` and `select` with their
/// branch keys, `#`) in text order, and the literal text before, between and after them. Spans are
/// left out, so the messages of a text before and after an edit can be compared for what they render.
struct MessageShape: Sendable {
    enum Mark: Sendable, Hashable {
        case variable(String)
        case choice(String, plural: Bool)
        /// A branch key as written; bytes, because a select value is matched byte for byte.
        case key([UInt8])
        case branchEnd
        case choiceEnd
        case pound
    }

    private(set) var marks: [Mark] = []
    /// The span in the text of the argument each mark belongs to, for messages.
    private(set) var spans: [Range<Int>] = []
    /// `marks.count + 1` runs of literal text: before the first mark, between marks, after the last.
    private(set) var literals: [String] = [""]

    init(_ message: Message) {
        add(message)
    }

    private mutating func add(_ message: Message) {
        for part in message.parts {
            switch part {
            case .literal(let text):
                literals[literals.count - 1] += text
            case .variable(let argument):
                mark(.variable(argument.name), argument.span)
            case .plural(let argument, let branches), .select(let argument, let branches):
                let isPlural = if case .plural = part { true } else { false }
                mark(.choice(argument.name, plural: isPlural), argument.span)
                for branch in branches {
                    mark(.key(Array(branch.key.description.utf8)), argument.span)
                    add(branch.message)
                    mark(.branchEnd, argument.span)
                }
                mark(.choiceEnd, argument.span)
            case .pound:
                mark(.pound, 0..<0)
            }
        }
    }

    private mutating func mark(_ mark: Mark, _ span: Range<Int>) {
        marks.append(mark)
        spans.append(span)
        literals.append("")
    }

    /// Why the message of `newText` does not render as `old` (parsed from `oldText`) with only the
    /// scalars in `removable` taken out of its literal text, as many times as each is counted there,
    /// up to canonical equivalence (X shows NFC); nil when it does. This holds for every value of
    /// every variable: the marks and keys are the same, and so is the text between them.
    static func refusal(from old: Message, oldText: String, to newText: String,
                        removable: [Unicode.Scalar: Int]) -> FixRefusal? {
        let new: Message
        do {
            new = try MessageParser.parse(newText)
        } catch {
            return FixRefusal(consequence: "would make the text invalid template syntax (\(error.message))", help: quotingHelp)
        }
        let before = MessageShape(old), after = MessageShape(new)
        if before.marks != after.marks {
            return FixRefusal(consequence: before.markDifference(after, oldText: oldText, newText: newText), help: quotingHelp)
        }
        var removed: [Unicode.Scalar: Int] = [:]
        for (was, now) in zip(before.literals, after.literals) {
            let oldScalars = Array(TwitterText.nfc(was).text.unicodeScalars)
            let newScalars = Array(TwitterText.nfc(now).text.unicodeScalars)
            // `now` must be `was` with scalars taken out: a subsequence, matched greedily (which
            // finds one whenever there is one); what is left over is what was taken out.
            var j = 0
            for scalar in oldScalars {
                if j < newScalars.count && newScalars[j] == scalar {
                    j += 1
                } else {
                    removed[scalar, default: 0] += 1
                }
            }
            if j < newScalars.count {
                let (before, after) = around(oldScalars, newScalars)
                return FixRefusal(consequence: "would change the text `\(before)` to `\(after)`", help: FixRefusal.byHand)
            }
        }
        for (scalar, count) in removed.sorted(by: { $0.key.value < $1.key.value }) where count > removable[scalar, default: 0] {
            if scalar == "'" {
                return FixRefusal(consequence: "would join two apostrophes into `''`, which reads as one", help: quotingHelp)
            }
            let name = scalar == " " ? "a space" : scalar == "\t" ? "a tab" : "`\(visible(String(scalar)))`"
            return FixRefusal(consequence: "would also take \(name) out of the text", help: FixRefusal.byHand)
        }
        return nil
    }

    /// For a fix that would change what ICU's apostrophe rule quotes.
    static let quotingHelp = "fix it by hand: in template text an apostrophe before `{`, `}` or `#` starts quoted text, and `''` is one apostrophe"

    /// What differs between two lists of marks, said for the first difference.
    private func markDifference(_ other: MessageShape, oldText: String, newText: String) -> String {
        let oldBytes = Array(oldText.utf8), newBytes = Array(newText.utf8)
        func source(_ bytes: [UInt8], _ span: Range<Int>) -> String {
            let clamped = min(span.lowerBound, bytes.count)..<min(span.upperBound, bytes.count)
            return Self.visible(String(decoding: bytes[clamped], as: UTF8.self))
        }
        let first = zip(marks, other.marks).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(marks.count, other.marks.count)
        if first < marks.count, first < other.marks.count,
           case .key(let was) = marks[first], case .key(let now) = other.marks[first] {
            return "would change the branch key `\(Self.visible(String(decoding: was, as: UTF8.self)))` to `\(Self.visible(String(decoding: now, as: UTF8.self)))`"
        }
        // A placeholder that is gone from the marks became literal text (quoting took it), or the
        // other way round.
        let names = Set(marks.compactMap(\.argumentName)), otherNames = Set(other.marks.compactMap(\.argumentName))
        let counts = marks.filter { $0.argumentName != nil }.count, otherCounts = other.marks.filter { $0.argumentName != nil }.count
        if counts > otherCounts || !names.isSubset(of: otherNames), first < marks.count {
            let index = marks[first...].firstIndex { $0.argumentName != nil } ?? first
            return "would turn `\(source(oldBytes, spans[index]))` into literal text"
        }
        if counts < otherCounts || !otherNames.isSubset(of: names), first < other.marks.count {
            let index = other.marks[first...].firstIndex { $0.argumentName != nil } ?? first
            return "would turn `\(source(newBytes, other.spans[index]))` into a placeholder"
        }
        if marks.contains(.pound) != other.marks.contains(.pound) || marks.filter({ $0 == .pound }).count != other.marks.filter({ $0 == .pound }).count {
            return "would change where `#` stands for the plural's number"
        }
        return "would change the placeholders and branches of the text"
    }

    /// The neighbourhood of the first difference between two texts, in each, for messages.
    private static func around(_ old: [Unicode.Scalar], _ new: [Unicode.Scalar]) -> (String, String) {
        var common = 0
        while common < old.count && common < new.count && old[common] == new[common] { common += 1 }
        var suffix = 0
        while suffix < old.count - common && suffix < new.count - common && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        func window(_ scalars: [Unicode.Scalar]) -> String {
            let start = max(0, common - 6), end = min(scalars.count, max(common, scalars.count - suffix) + 6)
            var text = String(String.UnicodeScalarView(scalars[start..<end]))
            text = visible(text)
            return (start > 0 ? "…" : "") + text + (end < scalars.count ? "…" : "")
        }
        return (window(old), window(new))
    }

    /// `text` with what cannot be seen written as `U+XXXX`, for messages.
    static func visible(_ text: String) -> String {
        var result = ""
        // A combining mark with nothing shown to sit on is written out too.
        var written = true
        for scalar in text.unicodeScalars {
            let isMark = [.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory)
            if InvisibleCharacters.isInvisible(scalar) || scalar == "\u{00A0}" || (scalar.value < 0x20 && scalar != "\n")
                || (isMark && written) {
                result += "U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
                written = true
            } else if scalar == "\n" {
                result += "\\n"
                written = true
            } else {
                result.unicodeScalars.append(scalar)
                written = false
            }
        }
        return result
    }
}

extension MessageShape.Mark {
    /// The variable a placeholder, `plural` or `select` names; nil for the other marks.
    var argumentName: String? {
        switch self {
        case .variable(let name), .choice(let name, _): name
        default: nil
        }
    }
}
