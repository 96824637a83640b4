package import ReplyKitSupport
/// One CLDR plural rule condition (`i = 1 and v = 0`, `n % 100 = 3..10`), parsed and evaluated.
///
/// The syntax is UTS #35's: `or` of `and` of relations `operand [% modulus] (= | !=) ranges`, where
/// ranges are values and `a..b` ranges separated by commas; operands n, i, v, w, f, t, e (and `c`,
/// an old name of `e`). An empty rule never matches (used for `other`, which is implicit).
public struct PluralRule: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    /// `or` of `and`s.
    private let conditions: [[Relation]]

    fileprivate struct Relation: Sendable, Hashable {
        package var operand: Character
        package var modulus: Int?
        package var negated: Bool
        package var ranges: [ClosedRange<Int>]
    }

    /// A rule that does not parse: the message and the UTF-8 span of the rule text at fault.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
        public var span: Range<Int>
    }

    public var description: String { source }

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var tokens = try Self.tokenize(source)
        var conditions: [[Relation]] = []
        var current: [Relation] = []
        var position = 0
        func next() -> Token? { position < tokens.count ? tokens[position] : nil }
        func fail(_ message: String, _ token: Token?) -> SyntaxError {
            SyntaxError(message: message, span: token?.span ?? source.utf8.count..<source.utf8.count)
        }
        if tokens.isEmpty {
            self.conditions = []
            return
        }
        while true {
            guard let operandToken = next(), case .word(let word) = operandToken.kind,
                  word.count == 1, let operand = word.first, "nivwftec".contains(operand) else {
                throw fail("expected an operand (n, i, v, w, f, t or e)", next())
            }
            position += 1
            var modulus: Int?
            if let token = next(), token.kind == .symbol("%") {
                position += 1
                guard let token = next(), case .number(let value) = token.kind, value > 0 else {
                    throw fail("expected a number after `%`", next())
                }
                modulus = value
                position += 1
            }
            let negated: Bool
            switch next()?.kind {
            case .symbol("="): negated = false
            case .symbol("!="): negated = true
            default: throw fail("expected `=` or `!=`", next())
            }
            position += 1
            var ranges: [ClosedRange<Int>] = []
            while true {
                guard let token = next(), case .number(let low) = token.kind else {
                    throw fail("expected a number or a range `a..b`", next())
                }
                position += 1
                var high = low
                if let token = next(), token.kind == .symbol("..") {
                    position += 1
                    guard let token = next(), case .number(let value) = token.kind, value >= low else {
                        throw fail("expected the end of the range, not below its start", next())
                    }
                    high = value
                    position += 1
                }
                ranges.append(low...high)
                guard let token = next(), token.kind == .symbol(",") else { break }
                position += 1
            }
            current.append(Relation(operand: operand == "c" ? "e" : operand, modulus: modulus, negated: negated,
                                    ranges: ranges))
            guard let token = next() else { break }
            switch token.kind {
            case .word("and"): position += 1
            case .word("or"):
                position += 1
                conditions.append(current)
                current = []
            default: throw fail("expected `and`, `or` or the end of the rule", token)
            }
        }
        conditions.append(current)
        tokens.removeAll()
        self.conditions = conditions
    }

    /// Whether the rule holds for `operands`.
    public func matches(_ operands: PluralOperands) -> Bool {
        conditions.contains { relations in relations.allSatisfy { $0.holds(for: operands) } }
    }

    // MARK: Tokens

    private struct Token {
        package enum Kind: Equatable {
            case word(String)
            case number(Int)
            case symbol(String)
        }
        package var kind: Kind
        package var span: Range<Int>
    }

    private static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        let bytes = Array(source.utf8)
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let start = i
            if b == 0x20 || b == 0x09 {
                i += 1
            } else if (0x61...0x7A).contains(b) {
                while i < bytes.count, (0x61...0x7A).contains(bytes[i]) { i += 1 }
                tokens.append(Token(kind: .word(String(decoding: bytes[start..<i], as: UTF8.self)), span: start..<i))
            } else if (0x30...0x39).contains(b) {
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
                guard i - start <= 18, let value = Int(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                    throw SyntaxError(message: "number too large", span: start..<i)
                }
                tokens.append(Token(kind: .number(value), span: start..<i))
            } else if b == UInt8(ascii: "!"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "=") {
                tokens.append(Token(kind: .symbol("!="), span: i..<i + 2)); i += 2
            } else if b == UInt8(ascii: "."), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ".") {
                tokens.append(Token(kind: .symbol(".."), span: i..<i + 2)); i += 2
            } else if b == UInt8(ascii: "=") || b == UInt8(ascii: "%") || b == UInt8(ascii: ",") {
                tokens.append(Token(kind: .symbol(String(UnicodeScalar(b))), span: i..<i + 1)); i += 1
            } else if b == UInt8(ascii: "@") {
                throw SyntaxError(message: "samples (`@integer`, `@decimal`) do not belong in the rule", span: i..<bytes.count)
            } else {
                var end = i + 1
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                throw SyntaxError(message: "unexpected `\(String(decoding: bytes[i..<end], as: UTF8.self))`", span: i..<end)
            }
        }
        return tokens
    }
}

extension PluralRule.Relation {
    package func holds(for operands: PluralOperands) -> Bool {
        let value: Int
        // `n` is compared as a decimal: only a whole `n` can equal a whole number.
        var isWhole = true
        switch operand {
        case "n": value = operands.i; isWhole = operands.nIsInteger
        case "i": value = operands.i
        case "v": value = operands.v
        case "w": value = operands.w
        case "f": value = operands.f
        case "t": value = operands.t
        default: value = operands.e
        }
        let tested = modulus.map { value % $0 } ?? value
        let inside = isWhole && ranges.contains { $0.contains(tested) }
        return inside != negated
    }
}
