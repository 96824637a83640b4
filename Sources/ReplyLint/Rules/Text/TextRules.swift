import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `empty-text` †: empty or blank text or variant.
struct EmptyTextRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "empty-text",
        summary: "empty or blank text or variant",
        rationale: "X refuses an empty tweet, and a blank variant would be picked for some conversations.",
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: ↓\"  \"\n"),
            .pack("  greeting:\n    text:\n      - Hi {first_name}\n      - ↓\"\"\n"),
        ],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Hi {first_name}\n")])

    func check(_ context: LintContext) -> [Diagnostic] {
        context.analyses.flatMap { analysis in
            analysis.variantTexts.compactMap { text, what -> Diagnostic? in
                guard text.text.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
                return diagnostic("\(what) of `\(analysis.template.id.value)` is empty", in: analysis, range: text.text.range,
                                  help: "write the reply, or remove the variant")
            }
        }
    }
}

/// Characters that show nothing: zero-width and bidi controls, soft hyphen, BOM, other format characters.
enum InvisibleCharacters {
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0F, 0xFE0E: false  // joiners and variation selectors build emoji sequences
        case 0xE0020...0xE007F: false  // emoji tag sequences (subdivision flags)
        default: ScalarSet.format.contains(scalar)
        }
    }
}

/// `invisible-character`: invisible characters outside emoji sequences.
struct InvisibleCharacterRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = true
    let description = RuleDescription(
        id: "invisible-character",
        summary: "zero-width, bidi control, soft hyphen, BOM or other format characters outside emoji sequences",
        rationale: """
            Pasted copy carries characters nobody can see: they count against the limit, break \
            search and can reverse the direction of the text around them. `--fix` removes them.
            """,
        defaultSeverity: .error, isFixable: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"Hi↓\\u200B {first_name}\"\n"),
            .pack("  greeting:\n    text: Thanks for your pa↓\u{00AD}tience\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: \"Welcome aboard 👩‍✈️ {first_name}\"\n"),
        ])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        Self.invisibleCharacters(in: text.text.value).map { span, scalar, _ in
            TextFinding(span: span, replacement: "", problem: "holds the invisible character \(Self.name(scalar))",
                        help: "remove it (`replykit lint --fix` does)")
        }
    }

    /// The invisible characters of `text` with their UTF-8 spans, in text order; with `controls`,
    /// the control characters too (Cc: U+0000–001F but the line break, U+007F–009F), marked
    /// `control`.
    static func invisibleCharacters(in text: String, controls: Bool = false)
        -> [(span: Range<Int>, scalar: Unicode.Scalar, control: Bool)] {
        // Read over the bytes in place; most texts have none.
        text.withUTF8Bytes { bytes in
            var found: [(span: Range<Int>, scalar: Unicode.Scalar, control: Bool)] = []
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 {
                    if controls && ((byte < 0x20 && byte != 0x0A) || byte == 0x7F) {
                        found.append((offset..<offset + 1, Unicode.Scalar(byte), true))
                    }
                    offset += 1
                    continue
                }
                let (scalar, width) = bytes.scalar(at: offset)
                if controls && (0x80...0x9F).contains(scalar.value) {
                    found.append((offset..<offset + width, scalar, true))
                } else if InvisibleCharacters.isInvisible(scalar) {
                    found.append((offset..<offset + width, scalar, false))
                }
                offset += width
            }
            return found
        }
    }

    /// `U+200B (ZERO WIDTH SPACE)`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        "U+\(String(scalar.value, radix: 16, uppercase: true)) (\(scalar.properties.name ?? "format character"))"
    }
}

/// `not-nfc`: text not in Unicode NFC.
struct NotNFCRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = true
    let description = RuleDescription(
        id: "not-nfc",
        summary: "text not in Unicode NFC",
        rationale: """
            X normalises a tweet to NFC before counting it; decomposed text (`e` + U+0301) looks the \
            same but compares differently in search and duplicate checks. `--fix` composes it.
            """,
        defaultSeverity: .warning, isFixable: true,
        triggeringExamples: [.pack("  greeting:\n    text: \"Caf↓e\\u0301 is open\"\n")],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Café is open\n")])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        Self.unnormalized(in: text.text.value).map { span, normalized in
            TextFinding(span: span, replacement: normalized, problem: "is not in Unicode NFC",
                        help: "write `\(normalized)` (`replykit lint --fix` does)")
        }
    }

    /// The characters of `text` that NFC changes, with their UTF-8 spans and NFC forms.
    static func unnormalized(in text: String) -> [(span: Range<Int>, normalized: String)] {
        // Nearly every text is NFC already: check it whole before looking for the characters.
        guard TwitterText.nfc(text).changed else { return [] }
        var found: [(span: Range<Int>, normalized: String)] = []
        var offset = 0
        for character in text {
            let width = character.utf8.count
            defer { offset += width }
            let (normalized, changed) = TwitterText.nfc(String(character))
            if changed { found.append((offset..<offset + width, normalized)) }
        }
        return found
    }
}

/// `whitespace`: leading or trailing whitespace, runs of spaces, spaces before a line break.
struct WhitespaceRule: TextFixingRule {
    let scope = RuleScope.template
    let checksPrefill = false
    let description = RuleDescription(
        id: "whitespace",
        summary: "leading or trailing whitespace, runs of spaces, spaces before a line break",
        rationale: """
            Stray spaces count against the limit and show as gaps in the reply. `--fix` removes them.
            """,
        defaultSeverity: .warning, isFixable: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"Hi ↓ {first_name}\"\n"),
            .pack("  greeting:\n    text: \"↓ Hi {first_name}\"\n"),
            .pack("  greeting:\n    text: \"Hi {first_name}↓ \"\n"),
        ],
        nonTriggeringExamples: [.pack("  greeting:\n    text: \"Hi {first_name}\"\n")])

    func findings(in text: TemplateAnalysis.Text) -> [TextFinding] {
        text.text.value.withUTF8Bytes { Self.problems(in: $0) }.map { span, problem in
            TextFinding(span: span, replacement: "", problem: "has \(problem)", help: "remove it (`replykit lint --fix` does)")
        }
    }

    /// UTF-8 spans of spaces to remove, with what they are.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, String)] {
        var result: [(Range<Int>, String)] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x20 || bytes[i] == 0x09 else { i += 1; continue }
            var end = i
            while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
            if i == 0 {
                result.append((i..<end, "leading whitespace"))
            } else if end == bytes.count {
                result.append((i..<end, "trailing whitespace"))
            } else if bytes[end] == 0x0A {
                result.append((i..<end, "spaces before a line break"))
            } else if end - i > 1 {
                result.append((i + 1..<end, "a run of \(end - i) spaces"))
            }
            i = end
        }
        return result
    }
}

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

/// `exclamation`: "!!" or more than two exclamation marks.
struct ExclamationRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "exclamation",
        summary: "\"!!\" or more than two exclamation marks",
        rationale: "One exclamation mark is warm; several in a reply to a complaint read as flippant.",
        defaultSeverity: .info,
        triggeringExamples: [.pack("  greeting:\n    text: Great news↓!! We found it.\n")],
        nonTriggeringExamples: [.pack("  greeting:\n    text: Great news! We found it.\n")])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.variantTexts {
                let bytes = Array(text.text.value.utf8)
                let marks = bytes.indices.filter { bytes[$0] == UInt8(ascii: "!") }
                let doubled = marks.first { $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "!") }
                guard let at = doubled ?? (marks.count > 2 ? marks[2] : nil) else { continue }
                found.append(diagnostic(
                    doubled != nil ? "\(what) of `\(analysis.template.id.value)` has \"!!\"" : "\(what) of `\(analysis.template.id.value)` has \(marks.count) exclamation marks",
                    in: analysis, range: text.map.range(at..<at + 1), help: "keep one"))
            }
        }
        return found
    }
}

/// `duplicate-text`: two templates or variants of one pack with the same text.
struct DuplicateTextRule: Rule {
    let scope = RuleScope.pack
    let description = RuleDescription(
        id: "duplicate-text",
        summary: "two templates or variants of one pack with the same text",
        rationale: """
            A copy-pasted template drifts from its twin when one is edited; identical variants defeat \
            the point of variants. Texts are compared byte for byte: two that differ only in Unicode \
            normalization are for `not-nfc` to report.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [.pack("  greeting:\n    text: Thanks for writing in!\n  hello:\n    text: ↓Thanks for writing in!\n")],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks for writing in!\n  hello:\n    text: Hello there!\n"),
            .pack("  greeting:\n    text: \"Caf\\u00E9\"\n  hello:\n    text: \"Cafe\\u0301\"\n",
                  comment: "the same when shown, but not the same bytes: `not-nfc` reports the second"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The texts of the pack at hand: analyses come pack by pack.
        var pack: String?
        // Compared and hashed by their bytes: a `String` key hashes its Unicode normalization,
        // which costs more than the rest of the rule for non-ASCII text.
        var seen = StringTable<(template: String, range: SourceRange)>(capacity: 64)
        for analysis in context.analyses {
            if analysis.pack.file != pack {
                pack = analysis.pack.file
                seen.removeAll()
            }
            for (text, what) in analysis.variantTexts {
                let key = text.text.value
                guard !key.isEmpty else { continue }
                if let first = seen[key] {
                    found.append(diagnostic(
                        "\(what) of `\(analysis.template.id.value)` is the same as `\(first.template)`", in: analysis,
                        range: analysis.wholeRange(text),
                        notes: ["first written at \(analysis.pack.file):\(first.range.start)"],
                        help: "keep one template, or make the texts differ"))
                } else {
                    seen.insert(key, (analysis.template.id.value, text.text.range))
                }
            }
        }
        return found
    }
}

