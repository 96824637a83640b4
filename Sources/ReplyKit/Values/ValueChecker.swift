import Foundation
internal import TweetText
package import ReplyKitSupport

/// A value as the renderer substitutes it.
package struct CheckedValue: Sendable {
    /// Text NFC-normalised, numbers as digits.
    package var text: String
    /// What a plural chooses by: the number, or nil for a value that is none.
    package var number: Int?
    /// It holds no entity, starts none, and its first character composes with nothing before it,
    /// so that where the text around it is walled off its weight in the reply is ``weight``: printable
    /// ASCII without `. : @ # $ /`, or NFC text without those or their full-width forms whose first
    /// character composes with nothing (see ``ValueChecker/isSealed(_:scan:)``).
    package var sealed: Bool
    /// The text's size in UTF-8 bytes.
    package var bytes: Int
    /// The text's weighted length on its own.
    package var weight: Int

    /// `weight`: the text's weighted length, when known; counted otherwise.
    package init(text: String, number: Int?, sealed: Bool, weight: Int? = nil) {
        self.text = text
        self.number = number
        self.sealed = sealed
        bytes = text.utf8.count
        self.weight = weight ?? TwitterText.weightedLength(text)
    }
}

/// Checks values against one variable as pack-format.md's "Rendering" says: the normalised value,
/// or the reason it is refused.
package final class ValueChecker: Sendable {
    package let variable: ReplyVariable
    /// The compiled `pattern`; nil without one. A pattern that does not compile refuses every value.
    private let pattern: ValuePattern??

    package init(_ variable: ReplyVariable) {
        self.variable = variable
        if case .text(let rules) = variable.kind, let source = rules.pattern {
            pattern = .some(ValuePattern(source))
        } else {
            pattern = .none
        }
    }

    package func check(_ value: ReplyValue) throws(RenderError) -> CheckedValue {
        let name = variable.name
        func refuse(_ reason: String) -> RenderError {
            RenderError(.invalidValue, "the value of `\(name)` \(reason)", variable: name)
        }
        switch variable.kind {
        case .number(let min, let max):
            guard let number = value.integer else { throw refuse("is not an integer") }
            // Compared, not made a range: `min > max` (a variable made without the loader) refuses, not traps.
            guard min <= number, number <= max else { throw refuse("is \(number), outside \(min)…\(max)") }
            let digits = String(number)
            return CheckedValue(text: digits, number: number, sealed: true, weight: digits.utf8.count)
        case .choice(let values):
            let text = value.description
            guard values.contains(text) else {
                throw refuse("is `\(text)`, not one of \(values.map { "`\($0)`" }.joined(separator: ", "))")
            }
            // Choices are the brand's own words, not normalised: only printable ASCII ones are sealed.
            let scan = ByteScan(text)
            return CheckedValue(text: text, number: nil, sealed: scan.isPlain, weight: scan.isPlain ? text.utf8.count : nil)
        case .text(let rules):
            let given = value.description
            let scan = ByteScan(given)
            // Printable ASCII is NFC, weighs one per byte and has nothing the character checks refuse.
            let text = scan.printable ? given : TwitterText.nfc(given).text
            if !scan.printable { try checkCharacters(text, rules: rules, refuse: refuse) }
            let weight = scan.printable ? text.utf8.count : TwitterText.weightedLength(text)
            if weight > rules.maxLength {
                throw refuse("weighs \(weight) weighted characters, more than its `max_length` of \(rules.maxLength)")
            }
            // Entities need one of `. @ # $ :` (or their full-width forms); most values have none.
            if scan.mayHoldEntity {
                for entity in TwitterText.extractEntities(text) {
                    let kind = Self.kind(of: entity)
                    if !rules.allow.contains(kind) { throw refuse("contains a \(Self.name(of: kind)) (`\(Self.text(of: entity, in: text))`)") }
                }
            }
            switch pattern {
            case .some(.some(let pattern)):
                if !pattern.matches(text) { throw refuse("does not match its pattern `\(rules.pattern ?? "")`") }
            case .some(.none):
                throw RenderError(.templateInvalid, "the `pattern` of `\(name)` cannot be checked: it uses syntax outside what value patterns support (run `replykit lint`)", variable: name)
            case .none:
                break
            }
            let number = scan.startsLikeNumber ? ReplyValue.parseInteger(text) : nil
            return CheckedValue(text: text, number: number, sealed: Self.isSealed(text, scan: scan), weight: weight)
        }
    }

    /// Whether NFC `text` (what `scan` read) is sealed: no character an entity needs, and a first
    /// character that composes with nothing before it. What its later characters compose or join
    /// stays inside it, so it counts alone as in the reply; the text after it is the literal's to
    /// wall off (``Literal/Edges/composesNothing``).
    static func isSealed(_ text: String, scan: ByteScan) -> Bool {
        if scan.isPlain { return true }
        guard !scan.mayHoldEntity, !scan.hasSlash, let head = text.unicodeScalars.first else { return false }
        return Literal.Edges.composesNothing(head)
    }

    /// What one pass over a value's bytes tells.
    struct ByteScan {
        /// Every byte is printable ASCII.
        var printable = true
        /// It holds `. : @ # $` or a full-width form, which entities need.
        var mayHoldEntity = false
        var hasSlash = false
        /// It starts with a sign or a digit.
        var startsLikeNumber = false

        /// Printable ASCII without `. : @ # $ /`.
        var isPlain: Bool { printable && !mayHoldEntity && !hasSlash }

        init(_ text: String) {
            var first = true
            for byte in text.utf8 {
                if first {
                    startsLikeNumber = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (0x30...0x39).contains(byte)
                    first = false
                }
                switch byte {
                case 0x2E, 0x3A, 0x40, 0x23, 0x24: mayHoldEntity = true
                case 0x2F: hasSlash = true
                case 0xEF:
                    // Full-width forms of those, and of `/`, start with this byte.
                    (mayHoldEntity, printable) = (true, false)
                case 0x20...0x7E: break
                default: printable = false
                }
            }
        }
    }

    private func checkCharacters(_ text: String, rules: ReplyVariable.TextRules,
                                 refuse: (String) -> RenderError) throws(RenderError) {
        let scalars = Array(text.unicodeScalars)
        if let first = scalars.first, [.nonspacingMark, .enclosingMark, .spacingMark].contains(first.properties.generalCategory) {
            throw refuse("starts with a combining mark (U+\(Self.hex(first)))")
        }
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029 {
                if rules.multiline && value == 0x0A { continue }
                throw refuse(rules.multiline ? "contains a line break other than LF (U+\(Self.hex(scalar)))"
                                             : "contains a line break (the variable is not `multiline`)")
            }
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                throw refuse("contains the control character U+\(Self.hex(scalar))")
            }
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
                || value == 0x200F || value == 0x061C {
                throw refuse("contains the bidi control U+\(Self.hex(scalar))")
            }
            if value == 0x200D {
                // A zero-width joiner belongs inside an emoji sequence only.
                let before = index > 0 ? scalars[index - 1].properties.isEmoji || scalars[index - 1].value == 0xFE0F : false
                let after = index + 1 < scalars.count ? scalars[index + 1].properties.isEmoji : false
                if before && after { continue }
                throw refuse("contains a zero-width joiner outside an emoji sequence")
            }
            if value == 0x200B || value == 0x200C || value == 0x2060 || value == 0xFEFF || value == 0x00AD
                || (0x2061...0x2064).contains(value) || (0xFFF9...0xFFFB).contains(value) {
                throw refuse("contains the invisible character U+\(Self.hex(scalar))")
            }
        }
    }

    static func kind(of entity: TweetEntity) -> ReplyVariable.Entity {
        switch entity.kind {
        case .url: .url
        case .mention, .list: .mention
        case .hashtag: .hashtag
        case .cashtag: .cashtag
        }
    }

    package static func name(of kind: ReplyVariable.Entity) -> String {
        switch kind {
        case .url: "URL"
        case .mention: "mention"
        case .hashtag: "hashtag"
        case .cashtag: "cashtag"
        }
    }

    static func text(of entity: TweetEntity, in text: String) -> String {
        let units = Array(text.utf16)
        let range = max(0, entity.range.lowerBound)..<min(units.count, entity.range.upperBound)
        return String(decoding: units[range], as: UTF16.self)
    }

    package static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension ReplyVariable {
    /// The value as it would be substituted, or the ``RenderError`` the renderer would refuse it with
    /// (`invalid-example` checks each variable's `example` this way).
    public func validate(_ value: ReplyValue) throws(RenderError) -> String {
        try ValueChecker(self).check(value).text
    }
}
