import Foundation

/// A lint finding that a generated pack carries on purpose, as real packs do: each one is what a
/// copywriter or a translator's tool would plausibly have left.
enum Finding: CaseIterable {
    /// `shouting`: a word in capitals.
    case shouting
    /// `mention-in-template`: the brand's second account, with an `@`.
    case mention
    /// `too-many-hashtags`: three of them.
    case hashtags
    /// `redirect-off-platform`: a phone line although the brand takes DMs.
    case redirect
    /// `whitespace`: two spaces, or a space before a line break.
    case whitespace
    /// `untranslated`: the default locale's text, copied.
    case untranslated
    /// `not-nfc`: characters in decomposed form, as some editors save them.
    case notNFC
    /// `plural-categories`: a branch the language lacks, or a missing one.
    case pluralCategories
    /// `near-limit` (with the margin the generated replykit.yaml sets): padded to just under the limit.
    case nearLimit

    /// The lint rule that reports it.
    var rule: String {
        switch self {
        case .shouting: "shouting"
        case .mention: "mention-in-template"
        case .hashtags: "too-many-hashtags"
        case .redirect: "redirect-off-platform"
        case .whitespace: "whitespace"
        case .untranslated: "untranslated"
        case .notNFC: "not-nfc"
        case .pluralCategories: "plural-categories"
        case .nearLimit: "near-limit"
        }
    }

    /// How often a template of a pack has each finding, against `clean` for none.
    static let weights: [(Finding?, Int)] = [
        (nil, 12), (.shouting, 10), (.mention, 8), (.hashtags, 8), (.redirect, 8), (.whitespace, 14),
        (.untranslated, 8), (.notNFC, 5), (.pluralCategories, 10), (.nearLimit, 10),
    ]

    /// The sentence that carries an additive finding in `locale`, if the language has one.
    func sentence(locale: Int) -> Phrase? {
        let phrase: Phrase
        switch self {
        case .shouting: phrase = Phrasebook.shouting
        case .mention: phrase = Phrasebook.mention
        case .hashtags: phrase = Phrasebook.hashtags
        case .redirect: phrase = Phrasebook.redirect
        default: return nil
        }
        return phrase[locale].isEmpty ? nil : phrase
    }

    /// Two spaces at the first space outside placeholders, a space before the first line break, or
    /// (in text without spaces) two after the first ideographic full stop.
    static func addingWhitespace(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if let newline = scalars.firstIndex(of: "\n") {
            scalars.insert(" ", at: newline)
        } else if let space = outside(scalars, where: { $0 == " " }) {
            scalars.insert(" ", at: space)
        } else if let stop = outside(scalars, where: { $0 == "。" }) {
            scalars.insert(contentsOf: ["\u{20}", "\u{20}"], at: stop + 1)
        } else {
            scalars.append(" ")
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The first plural gets a `one` branch where the language has only `other`, and loses its `one`
    /// branch elsewhere; nil for a text without plural.
    static func changingPluralCategories(_ text: String, languageHasOne: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        let marker = Array(", plural,".unicodeScalars)
        guard var index = scalars.indices.first(where: { scalars[$0...].starts(with: marker) }) else { return nil }
        index += marker.count
        // The branches: a key, then its text in balanced braces.
        var branches: [(key: Range<Int>, body: Range<Int>)] = []
        while index < scalars.count {
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count, scalars[index] != "}" else { break }
            let keyStart = index
            while index < scalars.count, scalars[index] != " ", scalars[index] != "{" { index += 1 }
            let key = keyStart..<index
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count, scalars[index] == "{" else { return nil }
            let bodyStart = index
            var depth = 0
            repeat {
                if scalars[index] == "{" { depth += 1 } else if scalars[index] == "}" { depth -= 1 }
                index += 1
            } while depth > 0 && index < scalars.count
            branches.append((key, bodyStart..<index))
        }
        func key(_ branch: (key: Range<Int>, body: Range<Int>)) -> String {
            String(String.UnicodeScalarView(scalars[branch.key]))
        }
        var result = scalars
        if languageHasOne {
            guard let one = branches.first(where: { key($0) == "one" }) else { return nil }
            var end = one.body.upperBound
            while end < result.count, result[end] == " " { end += 1 }
            result.removeSubrange(one.key.lowerBound..<end)
        } else {
            guard let other = branches.first(where: { key($0) == "other" }) else { return nil }
            let copy = Array("one ".unicodeScalars) + scalars[other.body] + [" "]
            result.insert(contentsOf: copy, at: other.key.lowerBound)
        }
        return String(String.UnicodeScalarView(result))
    }

    /// Whether some character of the text has a canonical decomposition.
    static func isDecomposable(_ text: String) -> Bool {
        !text.decomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)
    }

    /// The text with its first three characters that have a decomposition decomposed, as when a
    /// phrase was pasted from a file saved in NFD; nil when none has one.
    static func decomposed(_ text: String) -> String? {
        var out = ""
        var changed = 0
        var unchangedFrom = text.startIndex
        var index = text.startIndex
        while index < text.endIndex, changed < 3 {
            let next = text.index(after: index)
            let character = text[index]
            if !character.isASCII {
                let nfd = String(character).decomposedStringWithCanonicalMapping
                if !nfd.utf8.elementsEqual(character.utf8) {
                    // Concatenation keeps code points as they are: the result stays decomposed.
                    out += text[unchangedFrom..<index]
                    out += nfd
                    unchangedFrom = next
                    changed += 1
                }
            }
            index = next
        }
        guard changed > 0 else { return nil }
        return out + text[unchangedFrom...]
    }

    /// The first index outside `{…}` whose scalar matches.
    private static func outside(_ scalars: [Unicode.Scalar], where matches: (Unicode.Scalar) -> Bool) -> Int? {
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "{" { depth += 1 } else if scalar == "}" { depth -= 1 } else if depth == 0, matches(scalar) {
                return index
            }
        }
        return nil
    }
}
