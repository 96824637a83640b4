package enum PatternInstruction: Sendable {
    /// Reads one scalar of the class at this index.
    case scalar(Int)
    case split(Int, Int)
    case jump(Int)
    case match
}

package indirect enum PatternNode {
    case set(Int)
    case sequence([PatternNode])
    case choice([PatternNode])
    case repeated(PatternNode, min: Int, max: Int?)
}

/// Reads the supported subset of ICU's syntax (see ``ValuePattern``); nil for anything else.
package struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var classes: [ScalarClass] = []

    package init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    package mutating func parseWhole() -> PatternNode? {
        guard let node = parseChoice(depth: 0), position == scalars.count else { return nil }
        return node
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func parseChoice(depth: Int) -> PatternNode? {
        guard depth < 32 else { return nil }
        var options: [PatternNode] = []
        while true {
            guard let sequence = parseSequence(depth: depth) else { return nil }
            options.append(sequence)
            guard current == "|" else { break }
            position += 1
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    private mutating func parseSequence(depth: Int) -> PatternNode? {
        var items: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = parseAtom(depth: depth), let item = parseQuantifier(on: atom) else { return nil }
            items.append(item)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseQuantifier(on atom: PatternNode) -> PatternNode? {
        var node = atom
        guard let scalar = current else { return node }
        switch scalar {
        case "*": node = .repeated(atom, min: 0, max: nil)
        case "+": node = .repeated(atom, min: 1, max: nil)
        case "?": node = .repeated(atom, min: 0, max: 1)
        case "{":
            position += 1
            guard let min = parseNumber() else { return nil }
            var max: Int? = min
            if current == "," {
                position += 1
                max = current == "}" ? nil : parseNumber()
                if max == nil && current != "}" { return nil }
            }
            guard current == "}", max.map({ $0 >= min }) ?? true else { return nil }
            node = .repeated(atom, min: min, max: max)
        default:
            return node
        }
        position += 1
        if current == "?" { position += 1 } else if current == "+" { return nil }
        // A quantifier on a quantifier (`a**`) is an error in ICU too: refused.
        if let next = current, "*+?{".unicodeScalars.contains(next) { return nil }
        return node
    }

    private mutating func parseNumber() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = current, ("0"..."9").contains(scalar), digits < 4 {
            value = value * 10 + Int(scalar.value - 0x30)
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    private mutating func parseAtom(depth: Int) -> PatternNode? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "(":
            if current == "?" {
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                position += 2
            }
            guard let inner = parseChoice(depth: depth + 1), current == ")" else { return nil }
            position += 1
            return inner
        case "[":
            guard let set = parseClass() else { return nil }
            return add(set)
        case ".":
            var set = ScalarClass()
            set.insert(.notLineTerminator, negated: false)
            return add(set)
        case "\\":
            var set = ScalarClass()
            guard parseEscape(into: &set) else { return nil }
            return add(set)
        case "^", "$", "*", "+", "?", "{", "}", ")", "]":
            return nil
        default:
            var set = ScalarClass()
            set.insert(scalar.value...scalar.value)
            return add(set)
        }
    }

    private mutating func add(_ set: ScalarClass) -> PatternNode {
        var set = set
        set.finish()
        classes.append(set)
        return .set(classes.count - 1)
    }

    /// After `[`: up to and including `]`.
    private mutating func parseClass() -> ScalarClass? {
        var set = ScalarClass()
        if current == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while let scalar = current {
            if scalar == "]" {
                // `[]…]` means different things to different engines: refused.
                guard !first else { return nil }
                position += 1
                return set
            }
            first = false
            if scalar == "[" || (scalar == "&" && position + 1 < scalars.count && scalars[position + 1] == "&") {
                return nil
            }
            position += 1
            var low: UInt32
            if scalar == "\\" {
                var escaped = ScalarClass()
                guard parseEscape(into: &escaped) else { return nil }
                guard escaped.ranges.count == 1, escaped.properties.isEmpty,
                      escaped.ranges[0].lowerBound == escaped.ranges[0].upperBound else {
                    set.ranges += escaped.ranges
                    set.properties += escaped.properties
                    continue
                }
                low = escaped.ranges[0].lowerBound
            } else {
                low = scalar.value
            }
            // `a-z`; a `-` first, last or after a range is itself.
            if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let end = current else { return nil }
                position += 1
                var high = end.value
                if end == "\\" {
                    var escaped = ScalarClass()
                    guard parseEscape(into: &escaped), escaped.ranges.count == 1, escaped.properties.isEmpty else { return nil }
                    high = escaped.ranges[0].lowerBound
                } else if end == "[" {
                    return nil
                }
                guard low <= high else { return nil }
                set.insert(low...high)
            } else {
                set.insert(low...low)
            }
        }
        return nil
    }

    /// After `\`: one escape, added to `set`.
    private mutating func parseEscape(into set: inout ScalarClass) -> Bool {
        guard let scalar = current else { return false }
        position += 1
        switch scalar {
        case "d", "D":
            set.insert(.categories(ScalarClass.categories("nd")!), negated: scalar == "D")
        case "w", "W":
            set.insert(.word, negated: scalar == "W")
        case "s", "S":
            set.insert(.whiteSpace, negated: scalar == "S")
        case "p", "P":
            let name: String
            if current == "{" {
                guard let close = scalars[position...].firstIndex(of: "}") else { return false }
                name = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
                position = close + 1
            } else if let single = current {
                name = String(Character(single))
                position += 1
            } else {
                return false
            }
            guard let mask = ScalarClass.categories(name) else { return false }
            set.insert(.categories(mask), negated: scalar == "P")
        case "t": set.insert(0x09...0x09)
        case "n": set.insert(0x0A...0x0A)
        case "r": set.insert(0x0D...0x0D)
        case "f": set.insert(0x0C...0x0C)
        case "u":
            guard position + 4 <= scalars.count,
                  let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16) else { return false }
            position += 4
            set.insert(value...value)
        case "x":
            guard current == "{", let close = scalars[position...].firstIndex(of: "}"),
                  let value = UInt32(String(String.UnicodeScalarView(scalars[(position + 1)..<close])), radix: 16),
                  Unicode.Scalar(value) != nil else { return false }
            position = close + 1
            set.insert(value...value)
        default:
            // Escaped punctuation is itself; an escaped letter or digit means something this
            // matcher does not do (`\b`, `\1`, `\Q` …).
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return false }
            set.insert(scalar.value...scalar.value)
        }
        return true
    }
}

/// Writes a ``PatternNode`` out as a Thompson automaton.
package struct PatternCompiler {
    package var program: [PatternInstruction] = []

    /// False when counted repetition makes the program too large.
    package mutating func emit(_ node: PatternNode) -> Bool {
        guard program.count < 4096 else { return false }
        switch node {
        case .set(let index):
            program.append(.scalar(index))
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .choice(let options):
            var jumps: [Int] = []
            for (index, option) in options.enumerated() {
                if index == options.count - 1 {
                    guard emit(option) else { return false }
                } else {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    guard emit(option) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let inner, let min, let max):
            for _ in 0..<min where !emit(inner) { return false }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    guard emit(inner) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let split = program.count
                program.append(.split(split + 1, -1))
                guard emit(inner) else { return false }
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
        return true
    }
}
