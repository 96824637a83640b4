import Foundation
internal import TweetText

/// Checks a value against its variable as pack-format.md's "Rendering" says, returning the
/// normalised value or the reason it is refused.
struct ValueChecker: @unchecked Sendable {
    /// A compiled `pattern`: our own automaton when the pattern is in its subset, else ICU's.
    enum Matcher: @unchecked Sendable {
        case native(ValuePattern)
        // NSRegularExpression is immutable once made and safe to match from many threads.
        case icu(NSRegularExpression)

        init?(_ pattern: String) {
            if let native = ValuePattern(pattern) {
                self = .native(native)
            } else if let regex = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z") {
                self = .icu(regex)
            } else {
                return nil
            }
        }

        func matches(_ text: String) -> Bool {
            switch self {
            case .native(let pattern): pattern.matches(text)
            case .icu(let regex): regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }
    }

    let patterns: [String: Matcher]

    init(variables: [Variable]) {
        var patterns: [String: Matcher] = [:]
        for variable in variables {
            guard case .text(let rules) = variable.kind, let pattern = rules.pattern,
                  let matcher = Matcher(pattern) else { continue }
            patterns[variable.name.value] = matcher
        }
        self.patterns = patterns
    }

    /// The value as it is substituted (text NFC-normalised, numbers as digits).
    func check(_ value: ReplyValue, for variable: Variable) throws(RenderError) -> String {
        let name = variable.name.value
        func refuse(_ reason: String) -> RenderError {
            RenderError(.invalidValue, "the value of `\(name)` \(reason)", variable: name)
        }
        switch variable.kind {
        case .number(let min, let max):
            guard let number = value.integer else { throw refuse("is not an integer") }
            // Compared, not made a range: `min > max` (a variable made without the loader) refuses, not traps.
            guard min <= number && number <= max else { throw refuse("is \(number), outside \(min)…\(max)") }
            return String(number)
        case .choice(let values):
            let text = value.description
            guard values.contains(text) else {
                throw refuse("is `\(text)`, not one of \(values.map { "`\($0)`" }.joined(separator: ", "))")
            }
            return text
        case .text(let rules):
            let text = TwitterText.nfc(value.description).text
            try checkCharacters(text, rules: rules, refuse: refuse)
            let weight = TwitterText.weightedLength(text)
            if weight > rules.maxLength {
                throw refuse("weighs \(weight) weighted characters, more than its `max_length` of \(rules.maxLength)")
            }
            // Entities need one of these (or their full-width forms); most values have none.
            let mayHoldEntity = text.utf8.contains { [0x2E, 0x40, 0x23, 0x24, 0x3A, 0xEF].contains($0) }
            for entity in mayHoldEntity ? TwitterText.extractEntities(text) : [] {
                let kind = Self.kind(of: entity)
                if !rules.allow.contains(kind) { throw refuse("contains a \(Self.name(of: kind)) (`\(Self.text(of: entity, in: text))`)") }
            }
            if let matcher = patterns[name], !matcher.matches(text) {
                throw refuse("does not match its pattern `\(rules.pattern ?? "")`")
            }
            return text
        }
    }

    private func checkCharacters(_ text: String, rules: Variable.TextRules,
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

    static func kind(of entity: TweetEntity) -> Variable.Entity {
        switch entity.kind {
        case .url: .url
        case .mention, .list: .mention
        case .hashtag: .hashtag
        case .cashtag: .cashtag
        }
    }

    static func name(of kind: Variable.Entity) -> String {
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

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension Variable {
    /// The value as it would be substituted, or the ``RenderError`` the renderer would refuse it with
    /// (`invalid-example` checks each variable's `example` this way).
    public func validate(_ value: ReplyValue) throws(RenderError) -> String {
        try ValueChecker(variables: [self]).check(value, for: self)
    }
}
