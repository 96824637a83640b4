import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `unused-variable`: a declared variable that no template uses.
struct UnusedVariableRule: Rule {
    let reportsOn = ReportedFiles.brand
    let description = RuleDescription(
        id: "unused-variable",
        summary: "a declared variable no template uses",
        rationale: """
            A declaration nobody uses is left over from a removed template or misspelt in the text; \
            either way agents' tools are asked for a value that changes nothing. A text that does not \
            parse, or a pack that does not load whole, counts as using every name written after a `{` \
            in it; a pack that cannot be read at all keeps the rule quiet for its brand.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand + "\n  ↓order_id:\n    max_length: 12\n",
                         "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: Hi {first_name}, in {days, plural, one {# day} other {# days}}\n"]),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi {first_name}, in {days, plural, one {# day} other {# days}}\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var used: [String: Set<String>] = [:]
        // Texts that do not parse, by brand: their `{name` may still be uses.
        var unparsed: [String: [String]] = [:]
        // Analyses come brand by brand: gather a brand's names in a short list, hashed once.
        var brand: String?
        var names: [String] = []
        func flush() {
            if let brand { used[brand, default: []].formUnion(names) }
        }
        for analysis in context.analyses {
            if analysis.brand.id != brand {
                flush()
                brand = analysis.brand.id
                names = []
            }
            for (text, _) in analysis.texts {
                if text.message == nil { unparsed[analysis.brand.id, default: []].append(text.text.value) }
                for name in text.variableNames where !names.contains(name) { names.append(name) }
            }
        }
        flush()
        let filesInError = Set(context.repository.diagnostics.filter { $0.severity == .error }.compactMap(\.file))
        var found: [Diagnostic] = []
        for (folder, brand) in context.brands {
            var unused = brand.variables.filter { !(used[brand.id]?.contains($0.name.value) ?? false) }
            guard !unused.isEmpty else { continue }
            // What did not parse, or did not load whole, may use a variable: a name written as
            // `{name` there counts as used. A pack that could not be read at all may use any.
            var sources: [[UInt8]] = unparsed[brand.id, default: []].map { Array($0.utf8) }
            var unknowable = false
            for pack in folder.packs where !pack.isReadable || filesInError.contains(pack.file) {
                guard let file = context.repository.files[pack.file] else {
                    unknowable = true
                    break
                }
                sources.append(file.bytes)
            }
            if unknowable { continue }
            if !sources.isEmpty {
                let possible = Self.names(openedIn: sources, among: Set(unused.map(\.name.value)))
                unused.removeAll { possible.contains($0.name.value) }
            }
            for variable in unused {
                found.append(diagnostic("variable `\(variable.name.value)` is declared but no template uses it",
                                        file: brand.file, range: variable.name.range,
                                        help: "remove it, or use it as `{\(variable.name.value)}`", brand: brand.id))
            }
        }
        return found
    }

    /// The names of `names` that follow a `{` (and blanks) in any of `sources`, as whole words:
    /// what text that does not parse may use.
    static func names(openedIn sources: [[UInt8]], among names: Set<String>) -> Set<String> {
        func isNameByte(_ byte: UInt8) -> Bool {
            byte == 0x5F || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var found: Set<String> = []
        for bytes in sources {
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "{") else {
                    index += 1
                    continue
                }
                var start = index + 1
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A
                    || bytes[start] == 0x0D { start += 1 }
                var end = start
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                if end > start {
                    let name = String(decoding: bytes[start..<end], as: UTF8.self)
                    if names.contains(name) { found.insert(name) }
                }
                index = Swift.max(end, index + 1)
            }
        }
        return found
    }
}
