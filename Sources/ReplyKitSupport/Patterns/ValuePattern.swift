/// A variable's `pattern` compiled for whole-value matching by simulating its automaton, without
/// backtracking: linear in the value's length, and no Foundation on the render path.
///
/// It takes the part of ICU's syntax that value patterns use: literals and escaped punctuation,
/// `.`, classes (`[a-z]`, `[^…]`), `\d \w \s` and their negations, `\p{…}`/`\P{…}` general
/// categories, `\t \n \r \f \uhhhh \x{h…}`, groups `( )` and `(?: )`, `|`, and the quantifiers
/// `* + ? {n} {n,} {n,m}` (lazy forms too: a whole-value match does not depend on laziness).
/// Anything else — anchors, look-around, back-references, flags, possessive quantifiers, set
/// operations, scripts — makes ``init(_:)`` fail: lint reports the pattern, and the renderer
/// refuses every value of its variable, so a pattern that cannot be run never lets a value through.
/// The meaning follows ICU: `.` matches no line terminator, `\w` is
/// `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D]`, `\s` is `\p{White_Space}`, `\d` is `\p{Nd}`.
package final class ValuePattern: Sendable {
    private let program: [PatternInstruction]
    private let classes: [ScalarClass]
    /// The same automaton as bit sets, when it has at most 64 instructions (almost every pattern).
    private let small: SmallAutomaton?

    /// Nil when `pattern` is outside the supported subset (or too large once counted repetition is
    /// written out).
    package init?(_ pattern: String) {
        var parser = PatternParser(Array(pattern.unicodeScalars))
        guard let tree = parser.parseWhole() else { return nil }
        var compiler = PatternCompiler()
        guard compiler.emit(tree), compiler.program.count < 4096 else { return nil }
        compiler.program.append(.match)
        program = compiler.program
        classes = parser.classes
        small = SmallAutomaton(program: program, classes: classes)
    }

    /// Whether the whole of `text` matches.
    package func matches(_ text: String) -> Bool {
        if let small { return small.matches(text, program: program, classes: classes) }
        let count = program.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { buffer in
            let current = buffer.baseAddress!
            let next = current + count
            let marks = next + count
            for index in 0..<count { marks[index] = -1 }
            var currentCount = 0
            var nextCount = 0
            var generation = 0
            add(0, to: current, count: &currentCount, marks: marks, generation: generation)

            func step(_ scalar: Unicode.Scalar) -> Bool {
                generation += 1
                nextCount = 0
                for index in 0..<currentCount {
                    if case .scalar(let set) = program[current[index]], classes[set].contains(scalar) {
                        add(current[index] + 1, to: next, count: &nextCount, marks: marks, generation: generation)
                    }
                }
                for index in 0..<nextCount { current[index] = next[index] }
                currentCount = nextCount
                return currentCount > 0
            }
            // Most values are ASCII: bytes are scalars then, with no decoding.
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in text.utf8 where !step(Unicode.Scalar(byte)) { return false }
            } else {
                for scalar in text.unicodeScalars where !step(scalar) { return false }
            }
            for index in 0..<currentCount {
                if case .match = program[current[index]] { return true }
            }
            return false
        }
    }

    /// Adds `pc` and what it reaches without reading a scalar.
    private func add(_ pc: Int, to list: UnsafeMutablePointer<Int>, count: inout Int,
                     marks: UnsafeMutablePointer<Int>, generation: Int) {
        guard marks[pc] != generation else { return }
        marks[pc] = generation
        switch program[pc] {
        case .jump(let target):
            add(target, to: list, count: &count, marks: marks, generation: generation)
        case .split(let first, let second):
            add(first, to: list, count: &count, marks: marks, generation: generation)
            add(second, to: list, count: &count, marks: marks, generation: generation)
        case .scalar, .match:
            list[count] = pc
            count += 1
        }
    }
}

/// An automaton of at most 64 instructions with its states as the bits of one word: a step is a
/// few AND and OR operations, and ASCII input needs no class lookups at all.
private final class SmallAutomaton: Sendable {
    /// What each instruction reaches without reading (scalar and match instructions only).
    private let closure: [UInt64]
    /// After instruction `pc` reads a scalar: `closure[pc + 1]`.
    private let successor: [UInt64]
    /// The scalar instructions each ASCII byte satisfies.
    private let ascii: [UInt64]
    private let matchBit: UInt64

    package init?(program: [PatternInstruction], classes: [ScalarClass]) {
        guard program.count <= 64 else { return nil }
        var closure = [UInt64](repeating: 0, count: program.count)
        for start in program.indices {
            var seen: UInt64 = 0
            var stack = [start]
            while let pc = stack.popLast() {
                guard seen & (1 << UInt64(pc)) == 0 else { continue }
                seen |= 1 << UInt64(pc)
                switch program[pc] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second): stack += [second, first]
                case .scalar, .match: closure[start] |= 1 << UInt64(pc)
                }
            }
        }
        var successor = [UInt64](repeating: 0, count: program.count)
        var ascii = [UInt64](repeating: 0, count: 128)
        var matchBit: UInt64 = 0
        for (pc, instruction) in program.enumerated() {
            switch instruction {
            case .scalar(let set):
                successor[pc] = closure[pc + 1]
                for byte in 0..<128 where classes[set].contains(Unicode.Scalar(UInt8(byte))) { ascii[byte] |= 1 << UInt64(pc) }
            case .match:
                matchBit |= 1 << UInt64(pc)
            case .jump, .split:
                break
            }
        }
        self.closure = closure
        self.successor = successor
        self.ascii = ascii
        self.matchBit = matchBit
    }

    package func matches(_ text: String, program: [PatternInstruction], classes: [ScalarClass]) -> Bool {
        var states = closure[0]
        func step(_ accepting: UInt64) {
            var live = states & accepting
            states = 0
            while live != 0 {
                states |= successor[live.trailingZeroBitCount]
                live &= live &- 1
            }
        }
        var isASCII = true
        for byte in text.utf8 {
            guard byte < 0x80 else {
                isASCII = false
                break
            }
            step(ascii[Int(byte)])
            if states == 0 { return false }
        }
        if !isASCII {
            // Start again scalar by scalar: values with non-ASCII text are rarer.
            states = closure[0]
            for scalar in text.unicodeScalars {
                var accepting: UInt64 = 0
                var live = states
                while live != 0 {
                    let pc = live.trailingZeroBitCount
                    if case .scalar(let set) = program[pc], classes[set].contains(scalar) { accepting |= 1 << UInt64(pc) }
                    live &= live &- 1
                }
                step(accepting)
                if states == 0 { return false }
            }
        }
        return states & matchBit != 0
    }
}

/// A set of scalars: a bitmap for ASCII, ranges and properties for the rest.
package struct ScalarClass: Sendable {
    package enum Property: Sendable, Equatable {
        /// General categories, as a mask of ``ScalarClass/categoryBit(_:)``.
        case categories(UInt32)
        case whiteSpace
        case word
        /// `.`: everything but line terminators.
        case notLineTerminator
    }

    package var low: UInt64 = 0
    package var high: UInt64 = 0
    package var ranges: [ClosedRange<UInt32>] = []
    package var properties: [(property: Property, negated: Bool)] = []
    package var negated = false

    package mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
    }

    package mutating func insert(_ property: Property, negated: Bool) {
        properties.append((property, negated))
    }

    /// Fills the ASCII bitmap from the ranges and properties, once they are all in.
    package mutating func finish() {
        for value in UInt32(0)..<128 where slowContains(Unicode.Scalar(value)!) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
    }

    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return low & (1 << UInt64(value)) != 0 }
        if value < 128 { return high & (1 << UInt64(value - 64)) != 0 }
        return slowContains(scalar)
    }

    private func slowContains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = ranges.contains { $0.contains(value) }
        if !found {
            found = properties.contains { $0.negated != Self.has(scalar, $0.property) }
        }
        return found != negated
    }

    private static func has(_ scalar: Unicode.Scalar, _ property: Property) -> Bool {
        let properties = scalar.properties
        switch property {
        case .categories(let mask):
            return mask & categoryBit(properties.generalCategory) != 0
        case .whiteSpace:
            return properties.isWhitespace
        case .word:
            return properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D
                || categoryBit(properties.generalCategory) & wordCategories != 0
        case .notLineTerminator:
            return ![0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
        }
    }

    /// Marks, decimal digits and connector punctuation: what `\w` adds to alphabetic scalars.
    private static let wordCategories = categories("m")! | categories("nd")! | categories("pc")!

    package static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        let order: [Unicode.GeneralCategory] = [
            .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .control, .format, .surrogate, .privateUse, .unassigned,
        ]
        return 1 << UInt32(order.firstIndex(of: category)!)
    }

    /// The categories a `\p{…}` name stands for (ICU's loose matching: case, spaces, `_` and `-`
    /// ignored), or nil for a name this matcher does not know.
    package static func categories(_ name: String) -> UInt32? {
        let groups: [(names: [String], first: Int, count: Int)] = [
            (["l", "letter"], 0, 5), (["lu", "uppercaseletter"], 0, 1), (["ll", "lowercaseletter"], 1, 1),
            (["lt", "titlecaseletter"], 2, 1), (["lm", "modifierletter"], 3, 1), (["lo", "otherletter"], 4, 1),
            (["m", "mark", "combiningmark"], 5, 3), (["mn", "nonspacingmark"], 5, 1), (["mc", "spacingmark"], 6, 1),
            (["me", "enclosingmark"], 7, 1), (["n", "number"], 8, 3), (["nd", "decimalnumber", "digit"], 8, 1),
            (["nl", "letternumber"], 9, 1), (["no", "othernumber"], 10, 1), (["p", "punctuation", "punct"], 11, 7),
            (["pc", "connectorpunctuation"], 11, 1), (["pd", "dashpunctuation"], 12, 1), (["ps", "openpunctuation"], 13, 1),
            (["pe", "closepunctuation"], 14, 1), (["pi", "initialpunctuation"], 15, 1), (["pf", "finalpunctuation"], 16, 1),
            (["po", "otherpunctuation"], 17, 1), (["s", "symbol"], 18, 4), (["sm", "mathsymbol"], 18, 1),
            (["sc", "currencysymbol"], 19, 1), (["sk", "modifiersymbol"], 20, 1), (["so", "othersymbol"], 21, 1),
            (["z", "separator"], 22, 3), (["zs", "spaceseparator"], 22, 1), (["zl", "lineseparator"], 23, 1),
            (["zp", "paragraphseparator"], 24, 1), (["c", "other"], 25, 5), (["cc", "control"], 25, 1),
            (["cf", "format"], 26, 1), (["cs", "surrogate"], 27, 1), (["co", "privateuse"], 28, 1),
            (["cn", "unassigned"], 29, 1),
        ]
        let loose = String(name.lowercased().filter { !" _-".contains($0) })
        guard let group = groups.first(where: { $0.names.contains(loose) }) else { return nil }
        return ((1 << UInt32(group.count)) - 1) << UInt32(group.first)
    }
}
