import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `shouting`: words of four or more letters in capitals.
struct ShoutingRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "shouting",
        summary: "words of 4+ letters in capitals (configurable `allow` list for acronyms)",
        rationale: """
            Capitals read as shouting at a customer who is already upset. Acronyms the brand uses \
            (`NASA`, `IBAN`) go in the rule's `allow` list in replykit.yaml.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [.pack("  greeting:\n    text: We are ↓VERY sorry, {first_name}.\n")],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Your PNR and IBAN are safe, {first_name}.\n")])

    /// Acronyms that are not shouting, on top of the configured `allow` list.
    static let knownAcronyms: Set<String> = ["IBAN", "ASAP", "FAQS", "SWIFT", "HTTPS", "HTML", "NASA", "UNESCO"]

    func check(_ context: LintContext) -> [Diagnostic] {
        let allowed = Self.knownAcronyms.union(context.configuration.option("allow", of: description.id)?.sequence?.compactMap(\.scalar) ?? [])
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                // Most texts have no run of four capitals: skip them without splitting words.
                guard Self.mayShout(text.text.value) else { continue }
                for (word, span) in Self.words(in: text.text.value) where Self.isShouting(word) && !allowed.contains(word) {
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` shouts `\(word)`", in: analysis,
                                            range: text.map.range(span),
                                            help: "write it in lower case, or add it to `shouting: {allow: [\(word)]}` if it is an acronym"))
                }
            }
        }
        return found
    }

    static func isShouting(_ word: String) -> Bool {
        guard word.unicodeScalars.count >= 4 else { return false }
        let letters = word.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 4 && letters.allSatisfy(ScalarSet.uppercase.contains)
    }

    /// Whether the text has four upper-case letters in a row anywhere.
    static func mayShout(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var run = 0
            var offset = 0
            while offset < bytes.count {
                let upper: Bool
                if bytes[offset] < 0x80 {
                    upper = (0x41...0x5A).contains(bytes[offset])
                    offset += 1
                } else {
                    let (scalar, width) = bytes.scalar(at: offset)
                    upper = ScalarSet.uppercase.contains(scalar)
                    offset += width
                }
                run = upper ? run + 1 : 0
                if run >= 4 { return true }
            }
            return false
        }
    }

    /// Words outside `{…}` placeholders, with their UTF-8 spans.
    static func words(in text: String) -> [(String, Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var current = ""
        var start = 0
        var offset = 0
        var depth = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar == "{" { depth += 1 }
            let isLetter = scalar.properties.isAlphabetic && depth == 0
            if isLetter {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append((current, start..<offset))
                current = ""
            }
            if scalar == "}" && depth > 0 { depth -= 1 }
            offset += width
        }
        if !current.isEmpty { result.append((current, start..<offset)) }
        return result
    }
}
