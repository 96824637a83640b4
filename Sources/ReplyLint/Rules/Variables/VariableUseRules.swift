import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `unused-variable`: a declared variable that no template uses.
struct UnusedVariableRule: Rule {
    let description = RuleDescription(
        id: "unused-variable",
        summary: "a declared variable no template uses",
        rationale: """
            A declaration nobody uses is left over from a removed template or misspelt in the text; \
            either way agents' tools are asked for a value that changes nothing.
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
                for name in text.variableNames where !names.contains(name) { names.append(name) }
            }
        }
        flush()
        // A brand whose files did not all load, or whose texts do not all parse, may use the
        // variable in what failed: say nothing rather than something wrong.
        var unparsed = Set(context.analyses.filter { $0.texts.contains { $0.text.message == nil } }.map(\.brand.id))
        unparsed.formUnion(context.repository.diagnostics.filter { $0.severity == .error }.compactMap(\.brand))
        var found: [Diagnostic] = []
        for (_, brand) in context.brands where !unparsed.contains(brand.id) {
            for variable in brand.variables where !(used[brand.id]?.contains(variable.name.value) ?? false) {
                found.append(diagnostic("variable `\(variable.name.value)` is declared but no template uses it",
                                        file: brand.file, range: variable.name.range,
                                        help: "remove it, or use it as `{\(variable.name.value)}`", brand: brand.id))
            }
        }
        return found
    }
}

/// `invalid-example`: an `example` its own variable would refuse.
struct InvalidExampleRule: Rule {
    let description = RuleDescription(
        id: "invalid-example",
        summary: "an `example` that its own variable would refuse",
        rationale: """
            Examples feed previews and `render --examples`; one the renderer refuses breaks both, \
            and usually means the `pattern` or `max_length` is wrong rather than the example.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "example: Ana", with: "example: ↓\"@ana\"")]),
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "    max: 30", with: "    max: 30\n    example: ↓45")]),
        ],
        nonTriggeringExamples: [
            RuleExample(["brand.yaml": RuleExample.defaultBrand.replacingOccurrences(of: "    max: 30", with: "    max: 30\n    example: 5")]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (_, brand) in context.brands {
            for variable in brand.variables {
                guard let example = variable.example else { continue }
                do {
                    _ = try variable.validate(.text(example.value))
                } catch {
                    found.append(diagnostic("the example of `\(variable.name.value)` would be refused: \(error.message)",
                                            file: brand.file, range: example.range,
                                            help: "fix the example, or the variable's limits if the example is right",
                                            brand: brand.id))
                }
            }
        }
        return found
    }
}
