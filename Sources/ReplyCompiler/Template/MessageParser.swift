public import ReplyKit
package import ReplyKitSupport
/// Parses template text (template-syntax.md): variables, `plural` and `select` with nesting, `#`
/// in plural branches, and ICU's apostrophe rule for quoting.
///
/// Anything outside the subset (`{x, number}`, `offset:`, a missing `other`) is an error naming
/// what is unsupported; the first error ends the parse.
public struct MessageParser {
    /// Branches nest at most this deep (template-syntax.md).
    public static let maxDepth = 8

    private let text: String
    private let bytes: [UInt8]
    private var index = 0
    /// The literal text being read, quotes resolved. One buffer for every level: a message flushes
    /// its literal before an argument's branches are read, and they flush theirs before returning.
    private var literal: [UInt8] = []

    private init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
        literal.reserveCapacity(bytes.count)
    }

    /// Parses `text` into a ``Message``.
    public static func parse(_ text: String) throws(TemplateSyntaxError) -> Message {
        var parser = MessageParser(text)
        let message = try parser.message(depth: 0, inPlural: false)
        if parser.index < parser.bytes.count {
            // Only an unmatched `}` stops a top-level message early.
            throw TemplateSyntaxError("unmatched `}`", span: parser.index..<parser.index + 1,
                                      help: "write `'}'` for a literal brace")
        }
        return message
    }

    // MARK: Messages and literals

    private mutating func message(depth: Int, inPlural: Bool) throws(TemplateSyntaxError) -> Message {
        var parts: [Message.Part] = []
        while index < bytes.count {
            guard Self.isSpecial(bytes[index], inPlural: inPlural) else {
                // The whole run of plain text up to the next byte with a meaning, in one append.
                var end = index + 1
                while end < bytes.count && !Self.isSpecial(bytes[end], inPlural: inPlural) { end += 1 }
                literal.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                flushLiteral(into: &parts)
                parts.append(try argument(depth: depth))
            case UInt8(ascii: "}"):
                flushLiteral(into: &parts)
                return Message(parts)
            case UInt8(ascii: "#"):
                flushLiteral(into: &parts)
                parts.append(.pound)
                index += 1
            default:
                try apostrophe(inPlural: inPlural)
            }
        }
        flushLiteral(into: &parts)
        return Message(parts)
    }

    /// The bytes with a meaning in message text (`{`, `}`, `'`, and `#` inside a plural): the only
    /// ones ``message(depth:inPlural:)`` stops at.
    private static func isSpecial(_ byte: UInt8, inPlural: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "'"): true
        case UInt8(ascii: "#"): inPlural
        default: false
        }
    }

    private mutating func flushLiteral(into parts: inout [Message.Part]) {
        if !literal.isEmpty {
            parts.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll(keepingCapacity: true)
        }
    }

    /// ICU's rule: `''` is one apostrophe; an apostrophe right before `{`, `}` (or `#` in a plural)
    /// quotes up to the next lone apostrophe; any other apostrophe is itself.
    private mutating func apostrophe(inPlural: Bool) throws(TemplateSyntaxError) {
        let start = index
        let next = index + 1 < bytes.count ? bytes[index + 1] : nil
        if next == UInt8(ascii: "'") {
            literal.append(UInt8(ascii: "'"))
            index += 2
            return
        }
        guard let next, next == UInt8(ascii: "{") || next == UInt8(ascii: "}") || (inPlural && next == UInt8(ascii: "#")) else {
            literal.append(UInt8(ascii: "'"))
            index += 1
            return
        }
        index += 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "'") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "'") {
                    literal.append(UInt8(ascii: "'"))
                    index += 2
                    continue
                }
                index += 1
                return
            }
            literal.append(bytes[index])
            index += 1
        }
        throw TemplateSyntaxError("quoted text never ends", span: start..<start + 1,
                                  notes: ["an apostrophe before `{`, `}` or `#` starts quoted text, which runs to the next apostrophe"],
                                  help: "close it with another `'`, or write `''` for an apostrophe")
    }

    // MARK: Arguments

    private mutating func argument(depth: Int) throws(TemplateSyntaxError) -> Message.Part {
        let open = index
        index += 1
        skipSpaces()
        let nameStart = index
        guard let name = identifier() else {
            if index >= bytes.count {
                throw unclosed(open)
            }
            throw TemplateSyntaxError("expected a variable name after `{`", span: index..<end(ofCharacterAt: index),
                                      notes: ["a variable name is letters, digits and `_`, not starting with a digit"],
                                      help: "write `'{'` for a literal brace")
        }
        let nameSpan = nameStart..<index
        skipSpaces()
        guard index < bytes.count else { throw unclosed(open) }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .variable(Message.Argument(name: name, nameSpan: nameSpan, span: open..<index))
        }
        guard bytes[index] == UInt8(ascii: ",") else {
            throw TemplateSyntaxError("expected `}` or `,` after `\(name)`", span: index..<end(ofCharacterAt: index),
                                      notes: ["a variable is written `{\(name)}`"])
        }
        index += 1
        skipSpaces()
        let typeStart = index
        guard let type = identifier() else {
            throw TemplateSyntaxError("expected `plural` or `select` after `\(name),`",
                                      span: typeStart..<end(ofCharacterAt: typeStart))
        }
        let typeSpan = typeStart..<index
        guard type == "plural" || type == "select" else {
            throw TemplateSyntaxError("unsupported argument type `\(type)`", span: typeSpan,
                                      notes: ["templates support `{\(name)}`, `{\(name), plural, …}` and `{\(name), select, …}`"],
                                      help: ["number", "date", "time", "spellout", "ordinal", "duration"].contains(type)
                                          ? "write `{\(name)}`: numbers are written as digits" : nil)
        }
        if depth + 1 > Self.maxDepth {
            throw TemplateSyntaxError("branches nest more than \(Self.maxDepth) levels deep", span: open..<typeSpan.upperBound)
        }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else {
            if index >= bytes.count { throw unclosed(open) }
            throw TemplateSyntaxError("expected `,` and branches after `\(type)`", span: index..<end(ofCharacterAt: index))
        }
        index += 1
        let isPlural = type == "plural"
        var branches: [Message.Branch] = []
        while true {
            skipSpaces()
            guard index < bytes.count else { throw unclosed(open) }
            if bytes[index] == UInt8(ascii: "}") { break }
            branches.append(try branch(plural: isPlural, depth: depth, existing: branches))
        }
        let closing = index
        index += 1
        let argument = Message.Argument(name: name, nameSpan: nameSpan, span: open..<index)
        if !branches.contains(where: { $0.key.isOther }) {
            throw TemplateSyntaxError("`\(type)` needs an `other` branch", span: closing..<closing + 1,
                                      notes: ["`other` is used for every value no other branch matches"],
                                      help: "add `other {…}` before the closing `}`")
        }
        return isPlural ? .plural(argument, branches) : .select(argument, branches)
    }

    private mutating func branch(plural: Bool, depth: Int, existing: [Message.Branch]) throws(TemplateSyntaxError) -> Message.Branch {
        let keyStart = index
        let key: Message.Key
        if bytes[index] == UInt8(ascii: "=") {
            index += 1
            var digits = ""
            if index < bytes.count && bytes[index] == UInt8(ascii: "-") { digits.append("-"); index += 1 }
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                digits.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            guard plural else {
                throw TemplateSyntaxError("`=N` keys belong to `plural`, not `select`", span: keyStart..<index)
            }
            guard let value = Int(digits) else {
                throw TemplateSyntaxError("expected a whole number after `=`", span: keyStart..<end(ofCharacterAt: index))
            }
            key = .exact(value)
        } else if plural {
            guard let word = identifier() else {
                throw TemplateSyntaxError("expected a plural category or `=N`", span: keyStart..<end(ofCharacterAt: keyStart),
                                          notes: ["categories: zero, one, two, few, many, other"])
            }
            guard let category = PluralCategory(rawValue: word) else {
                if word == "offset" {
                    throw TemplateSyntaxError("`offset:` is not supported", span: keyStart..<index,
                                              help: "use `=N` branches for the exact counts instead")
                }
                let suggestion = DidYouMean.suggestion(for: word, among: PluralCategory.allCases.map(\.rawValue))
                throw TemplateSyntaxError("`\(word)` is not a plural category", span: keyStart..<index,
                                          notes: ["categories: zero, one, two, few, many, other; or `=N` for an exact number"],
                                          help: suggestion.map { "did you mean `\($0)`?" })
            }
            key = .category(category)
        } else {
            guard let word = selectValue() else {
                throw TemplateSyntaxError("expected a `select` value", span: keyStart..<end(ofCharacterAt: keyStart))
            }
            key = .value(word)
        }
        let keySpan = keyStart..<index
        if existing.contains(where: { $0.key == key }) {
            throw TemplateSyntaxError("the branch `\(key)` is written twice", span: keySpan)
        }
        skipSpaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw TemplateSyntaxError("expected `{` after the branch key `\(key)`",
                                      span: index..<end(ofCharacterAt: index),
                                      notes: ["a branch is written `\(key) {text}`"])
        }
        let open = index
        index += 1
        let body = try message(depth: depth + 1, inPlural: plural)
        guard index < bytes.count else { throw unclosed(open) }
        index += 1
        return Message.Branch(key: key, keySpan: keySpan, message: body)
    }

    // MARK: Lexing

    private func unclosed(_ open: Int) -> TemplateSyntaxError {
        TemplateSyntaxError("this `{` is never closed", span: open..<open + 1,
                            help: "add the missing `}`, or write `'{'` for a literal brace")
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, or nil (and no move) when there is none.
    private mutating func identifier() -> String? {
        let start = index
        guard index < bytes.count, Self.isNameStart(bytes[index]) else { return nil }
        index += 1
        while index < bytes.count, Self.isNameStart(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A select key: anything up to space or `{` (choice values may hold `-` or non-ASCII letters).
    private mutating func selectValue() -> String? {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "}"): break
            default:
                index += 1
                continue
            }
            break
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// The end of the (possibly multi-byte) character at `offset`, for a one-character span.
    private func end(ofCharacterAt offset: Int) -> Int {
        guard offset < bytes.count else { return offset }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }
}
