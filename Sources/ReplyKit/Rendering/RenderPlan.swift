internal import TweetText

/// A message compiled for the renderer's fast path: for every way its selects and plurals can go,
/// the literal text between the values, counted once.
///
/// The fast path adds the runs' weights to the values' instead of counting the reply. That is exact
/// only when nothing twitter-text sees crosses a seam between a run and a value: no entity (URL,
/// hashtag, mention, cashtag), no emoji sequence, no NFC composition. A value qualifies when it is
/// printable ASCII without `. : @ # $ /` (it can hold no entity and start none that a run continues);
/// a seam qualifies when the run's scalar beside it is a wall no entity crosses (see ``Run``). When
/// either fails, the renderer counts the whole reply as before. `ReplyLibraryTests` renders every
/// example template both ways over hostile values and compares.
final class RenderPlan: Sendable {
    /// What a run of literal text (between two values, or the start or end of the message) tells
    /// about its seams; only the plan's building needs it.
    struct Run {
        var bytes: [UInt8]
        /// Its twitter-text weight on its own.
        var weight: Int
        /// Nothing crossing the seam from the value before it: it is empty and ends the message, or
        /// starts with a wall, a closing mark, `.` before a space, or a CJK letter.
        var opensHard: Bool
        /// Nothing crossing the seam into the value after it: it is empty and starts the message, or
        /// ends with a wall, or an opening mark after a space.
        var closesHard: Bool
        /// An ASCII value before it leaves NFC text: it starts with a scalar that never composes
        /// with what precedes it.
        var composesNothing: Bool
    }

    /// The message for one set of branch choices: runs of literal text around `slots`.
    final class Skeleton: Sendable {
        /// Every run's bytes, one after the other.
        let bytes: [UInt8]
        /// Where each run ends in `bytes` (`slots.count + 1` of them).
        let runEnds: [Int]
        /// Indexes into the variant's variable names, in text order (`#` is its plural's variable).
        let slots: [Int]
        /// The runs' total twitter-text weight.
        let weight: Int
        /// With plain ASCII values, nothing twitter-text sees crosses a seam.
        let seamsHold: Bool
        /// With plain ASCII values, the text stays NFC.
        let staysNFC: Bool

        fileprivate init(_ pieces: [Walker.Piece]) {
            var texts = [""]
            var slots: [Int] = []
            for piece in pieces {
                switch piece {
                case .text(let text): texts[texts.count - 1] += text
                case .slot(let slot):
                    slots.append(slot)
                    texts.append("")
                }
            }
            let runs = texts.enumerated().map { index, text in Run(text, first: index == 0, last: index == texts.count - 1) }
            bytes = runs.flatMap(\.bytes)
            var end = 0
            runEnds = runs.map {
                end += $0.bytes.count
                return end
            }
            self.slots = slots
            weight = runs.reduce(0) { $0 + $1.weight }
            let isNFC = texts.allSatisfy { !TwitterText.nfc($0).changed }
            seamsHold = isNFC && slots.indices.allSatisfy {
                runs[$0].closesHard && runs[$0 + 1].opensHard && runs[$0 + 1].composesNothing
            }
            staysNFC = isNFC && slots.indices.allSatisfy { runs[$0 + 1].composesNothing }
        }

        /// The bytes of run `index`.
        func run(_ index: Int) -> Range<Int> {
            (index == 0 ? 0 : runEnds[index - 1])..<runEnds[index]
        }
    }

    /// A select or plural on the variable at `slot`. Its keys are `keys` in the plan's key tables,
    /// its children `keys.count + 1` entries of `children` from `firstChild`: one per key, and the
    /// last for when no key applies (the message then shows nothing there).
    struct Decision: Sendable {
        var slot: Int
        var plural: Bool
        var keys: Range<Int>
        var firstChild: Int
        /// The child of the first `other` key, or the last child when there is none.
        var fallback: Int
    }

    /// A node is a decision (`>= 0`, an index into `decisions`) or a skeleton (`-1 - index`).
    typealias Node = Int

    /// Trivial values in flat tables, so that following a plan retains nothing but the skeleton.
    let decisions: [Decision]
    let children: [Node]
    /// Per key: its number (`=3`), its category (`one`), its select value; nil where it is not one.
    let exact: [Int?]
    let categories: [PluralCategory?]
    let values: [String?]
    let skeletons: [Skeleton]
    let root: Node

    /// Nil when the message uses a variable outside `names` or branches more than `limit` ways.
    init?(_ message: Message, names: [String], limit: Int = 256) {
        var builder = Builder(message: message, names: names, budget: limit)
        guard let root = builder.node(prefix: []) else { return nil }
        self.root = root
        decisions = builder.decisions
        children = builder.children
        exact = builder.exact
        categories = builder.categories
        values = builder.values
        skeletons = builder.skeletons
    }

    private struct Builder {
        let message: Message
        let names: [String]
        var budget: Int
        var decisions: [Decision] = []
        var children: [Node] = []
        var exact: [Int?] = []
        var categories: [PluralCategory?] = []
        var values: [String?] = []
        var skeletons: [Skeleton] = []

        /// Picks as the general path does: a select's first key equal to the value that is not
        /// `other`; a plural's first `=n`, then its first category; then `other`.
        mutating func node(prefix: [Int]) -> Node? {
            var walker = Walker(names: names, choices: prefix)
            let found = walker.walk(message, pound: nil)
            guard !walker.failed else { return nil }
            guard let found else {
                budget -= 1
                guard budget >= 0 else { return nil }
                skeletons.append(Skeleton(walker.pieces))
                return -skeletons.count
            }
            var made: [Node] = []
            for choice in 0...found.keys.count {
                guard let child = node(prefix: prefix + [choice]) else { return nil }
                made.append(child)
            }
            let keys = exact.count..<exact.count + found.keys.count
            exact += found.keys.map { if case .exact(let n) = $0 { n } else { nil } }
            categories += found.keys.map { if case .category(let category) = $0 { category } else { nil } }
            values += found.keys.map { $0.isOther ? nil : $0.description }
            decisions.append(Decision(slot: found.slot, plural: found.plural, keys: keys, firstChild: children.count,
                                      fallback: found.keys.firstIndex(where: \.isOther) ?? found.keys.count))
            children += made
            return decisions.count - 1
        }
    }

    /// Follows `choices` through the message, collecting its pieces, until a branch it has no
    /// choice for.
    fileprivate struct Walker {
        enum Piece { case text(String), slot(Int) }

        let names: [String]
        let choices: [Int]
        var used = 0
        var pieces: [Piece] = []
        var failed = false

        init(names: [String], choices: [Int]) {
            self.names = names
            self.choices = choices
        }

        mutating func walk(_ message: Message, pound: Int?) -> (slot: Int, plural: Bool, keys: [Message.Key])? {
            for part in message.parts {
                switch part {
                case .literal(let text):
                    pieces.append(.text(text))
                case .pound:
                    pieces.append(pound.map(Piece.slot) ?? .text("#"))
                case .variable(let argument):
                    guard let slot = names.firstIndex(of: argument.name) else { failed = true; return nil }
                    pieces.append(.slot(slot))
                case .plural(let argument, let branches), .select(let argument, let branches):
                    guard let slot = names.firstIndex(of: argument.name) else { failed = true; return nil }
                    let plural = if case .plural = part { true } else { false }
                    guard used < choices.count else { return (slot, plural, branches.map(\.key)) }
                    let choice = choices[used]
                    used += 1
                    if choice < branches.count,
                       let decision = walk(branches[choice].message, pound: plural ? slot : pound) {
                        return decision
                    }
                }
            }
            return nil
        }
    }
}

extension RenderPlan.Run {
    /// `first` and `last`: whether the run starts or ends the message. The end of a reply's body is
    /// an end too: the deep link's separator that may follow starts with whitespace (else no plan).
    init(_ text: String, first: Bool, last: Bool) {
        bytes = Array(text.utf8)
        weight = TwitterText.weightedLength(text)
        let scalars = Array(text.unicodeScalars)
        if let head = scalars.first {
            let next = scalars.count > 1 ? scalars[1] : nil
            opensHard = Self.isWall(head) || Self.closing.contains(head.value) || Self.isCJKLetter(head)
                || (head == "." && (next.map(\.properties.isWhitespace) ?? last))
            composesNothing = head.value < 0x300 || Self.isWall(head) || Self.isCJKLetter(head)
        } else {
            opensHard = last
            composesNothing = true
        }
        if let tail = scalars.last {
            let before = scalars.count > 1 ? scalars[scalars.count - 2] : nil
            closesHard = Self.isWall(tail)
                || (Self.opening.contains(tail.value) && (before.map(\.properties.isWhitespace) ?? first))
        } else {
            closesHard = first
        }
    }

    /// Scalars that no entity holds and no lookahead looks past: whitespace, and quotation marks
    /// and CJK punctuation outside twitter-text's URL, hashtag and mention characters.
    private static func isWall(_ scalar: Unicode.Scalar) -> Bool {
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
