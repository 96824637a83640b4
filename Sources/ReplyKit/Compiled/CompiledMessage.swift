internal import TweetText
package import ReplyKitSupport

/// A template text as the renderer walks it: the parsed message without source spans, with every
/// literal run counted once and its edges classified for ``Literal/Edges``.
package struct CompiledMessage: Sendable, Hashable {
    package var parts: [Part]

    package init(_ parts: [Part]) {
        self.parts = parts
    }

    package enum Part: Sendable, Hashable {
        /// Text as it is shown, NFC-normalised.
        case literal(Literal)
        /// `{name}`: the value of the variable in this slot (an index into the variant's names).
        case variable(Int)
        /// `{name, plural, …}` on the variable in this slot.
        case plural(Int, [Branch])
        /// `{name, select, …}` on the variable in this slot.
        case select(Int, [Branch])
        /// `#` inside a plural branch: the plural's number (a literal `#` outside one).
        case pound
    }

    package struct Branch: Sendable, Hashable {
        package var key: Key
        package var message: CompiledMessage

        package init(key: Key, message: CompiledMessage) {
            self.key = key
            self.message = message
        }
    }

    package typealias Key = MessageKey

    /// How deeply branches nest: a bundle's messages are refused past ``maxDepth``.
    package static let maxDepth = 32
}

/// A run of literal text, counted once when the template is compiled.
///
/// A class, so that walking a message hands each run on with one reference count rather than a
/// copy of its fields.
package final class Literal: Sendable, Hashable {
    package let text: String
    /// Its twitter-text v3 weight on its own.
    package let weight: Int
    package let edges: Edges

    package init(_ text: String) {
        let text = TwitterText.nfc(text).text
        self.text = text
        weight = TwitterText.weightedLength(text)
        edges = Edges(text)
    }

    package static func == (lhs: Literal, rhs: Literal) -> Bool { lhs.text == rhs.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// What the run's first and last scalars tell about its seams with a neighbour: whether
    /// twitter-text could see anything (an entity, an emoji sequence, an NFC composition) cross
    /// them. The renderer adds precounted weights only when every seam is hard.
    package struct Edges: Sendable, Hashable {
        /// It starts with whitespace, or with a mark no entity holds: nothing runs into it.
        package var startsWithWall: Bool
        /// It ends with such a scalar: nothing runs out of it.
        package var endsWithWall: Bool
        /// It starts with `.` before whitespace, which ends a sentence: no entity takes it in.
        package var startsWithFullStop: Bool
        /// After a plain value (printable ASCII without `. : @ # $ /`), nothing crosses into it:
        /// it starts with a wall, a closing mark, a CJK letter, or `.` before whitespace.
        package var opensAfterValue: Bool
        /// As ``opensAfterValue`` when the run ends the text (a lone `.` then ends a sentence).
        package var opensAfterValueAtEnd: Bool
        /// Before a plain value, nothing crosses out of it: it ends with a wall.
        package var closesBeforeValue: Bool
        /// As ``closesBeforeValue`` when the run starts the text (an opening mark then opens).
        package var closesBeforeValueAtStart: Bool
        /// Its first scalar composes with nothing before it (NFC stays NFC across the seam).
        package var composesNothing: Bool

        package init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            guard let head = scalars.first, let tail = scalars.last else {
                // An empty run joins its neighbours to each other, so it is no wall.
                (startsWithWall, endsWithWall, opensAfterValue, opensAfterValueAtEnd) = (false, false, false, true)
                startsWithFullStop = false
                (closesBeforeValue, closesBeforeValueAtStart, composesNothing) = (false, true, true)
                return
            }
            let next = scalars.count > 1 ? scalars[1] : nil
            let before = scalars.count > 1 ? scalars[scalars.count - 2] : nil
            startsWithWall = Self.isWall(head)
            endsWithWall = Self.isWall(tail)
            let opens = startsWithWall || Self.closing.contains(head.value) || Self.isCJKLetter(head)
            let dotBeforeSpace = head == "." && (next?.properties.isWhitespace ?? false)
            startsWithFullStop = dotBeforeSpace
            opensAfterValue = opens || dotBeforeSpace
            opensAfterValueAtEnd = opens || (head == "." && (next?.properties.isWhitespace ?? true))
            let opening = Self.opening.contains(tail.value)
            closesBeforeValue = endsWithWall || (opening && (before?.properties.isWhitespace ?? false))
            closesBeforeValueAtStart = endsWithWall || (opening && (before?.properties.isWhitespace ?? true))
            composesNothing = Self.composesNothing(head)
        }

        /// Whether `scalar` composes with nothing before it (NFC stays NFC across a seam it starts),
        /// joins no emoji and continues no entity: below U+0300 (before the combining marks), a
        /// wall, or a CJK letter.
        package static func composesNothing(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x300 || isWall(scalar) || isCJKLetter(scalar)
        }

        /// Whitespace, and quotation marks and CJK punctuation outside twitter-text's URL, hashtag
        /// and mention characters.
        package static func isWall(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || walls.contains(scalar.value)
        }

        private static let walls: Set<UInt32> = [
            0x22, 0xA1, 0xAB, 0xBB, 0xBF, 0x201C, 0x201D, 0x201E, 0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F,
            0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1F,
        ]
        /// After a value: nothing that continues a domain, and no entity starts with them.
        private static let closing: Set<UInt32> = [0x21, 0x27, 0x29, 0x2C, 0x3B, 0x3F, 0x5D, 0x2019]
        /// Before a value: URL characters, so only after whitespace (nothing runs into them then).
        private static let opening: Set<UInt32> = [0x27, 0x28, 0x5B, 0x2018]

        /// Letters of scripts written without spaces that start no entity and compose with nothing
        /// before them (kana voicing marks excluded).
        private static func isCJKLetter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
            default: false
            }
        }
    }
}

/// A branch key of a `plural` or `select`: `=3`, a plural category, or a select value (`other` is
/// the category or the value `other`).
public enum MessageKey: Sendable, Hashable, CustomStringConvertible {
    case exact(Int)
    case category(PluralCategory)
    case value(String)

    public var isOther: Bool {
        switch self {
        case .category(.other), .value("other"): true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .exact(let n): "=\(n)"
        case .category(let category): category.rawValue
        case .value(let value): value
        }
    }
}
