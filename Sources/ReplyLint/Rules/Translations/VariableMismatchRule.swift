import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `variable-mismatch`: a translation that uses a variable its source does not, or drops one.
struct VariableMismatchRule: Rule {
    let reportsOn = ReportedFiles.translations
    let description = RuleDescription(
        id: "variable-mismatch",
        summary: "a translation that uses a variable its source does not (warning when it drops one)",
        rationale: """
            Agents' tools pass the values the source template needs: a translation that needs \
            another fails to render, and one that drops a variable loses information (a date, a \
            number) the customer was given in the other language.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Hola {first_name}, en {↓days} días.\n"]),
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: ↓Hola, gracias por escribirnos.\n"],
                        comment: "drops `first_name`: a warning"),
        ],
        nonTriggeringExamples: [
            RuleExample(["es-MX.yaml": "locale: es-MX\ntemplates:\n  greeting:\n    text: Gracias por escribirnos, {first_name}.\n"]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // By source template id: the variables its texts use, each once; nil when a text of it does
        // not parse.
        let pairs = TranslationPairs.pairs(context) { source in
            var names: [String: [String]?] = [:]
            for analysis in context.analyses(ofPack: source.file) where names[analysis.template.id.value] == nil {
                names[analysis.template.id.value] = .some(Self.variableNames(analysis))
            }
            return names
        }
        for (pair, sources) in pairs {
            for analysis in context.analyses(ofPack: pair.translation.file) {
                guard let entry = sources[analysis.template.id.value], let expected = entry else { continue }
                for (text, what) in analysis.texts {
                    // Most translations use exactly their source's variables: no need to walk them.
                    guard let message = text.message, !text.variableNames.allSatisfy(expected.contains) else { continue }
                    message.forEachArgument { argument, _ in
                        guard !expected.contains(argument.name) else { return }
                        found.append(diagnostic(
                            "\(what) of `\(analysis.template.id.value)` uses `\(argument.name)`, which its source in `\(pair.source.tag!)` does not",
                            in: analysis, range: text.map.range(argument.nameSpan),
                            notes: ["the source uses: \(expected.sorted().joined(separator: ", "))"],
                            help: "use the source's variables"))
                    }
                }
                func isUsed(_ name: String) -> Bool { analysis.texts.contains { $0.text.variableNames.contains(name) } }
                guard !expected.allSatisfy(isUsed), let first = analysis.variants.first,
                      !analysis.texts.contains(where: { $0.text.message == nil }) else { continue }
                let dropped = expected.filter { !isUsed($0) }.sorted()
                found.append(diagnostic(
                    "`\(analysis.template.id.value)` drops \(dropped.map { "`\($0)`" }.joined(separator: ", ")), which its source in `\(pair.source.tag!)` uses",
                    in: analysis, range: analysis.wholeRange(first),
                    help: "keep every variable of the source, or say why with `disable: [variable-mismatch]`",
                    severity: .warning))
            }
        }
        return found
    }

    /// The variables the texts of `analysis` use, each once; nil when one of its texts does not parse.
    static func variableNames(_ analysis: TemplateAnalysis) -> [String]? {
        var names: [String] = []
        for (text, _) in analysis.texts {
            guard text.message != nil else { return nil }
            // One text (the usual case) lists its names once already.
            if names.isEmpty { names = text.variableNames; continue }
            for name in text.variableNames where !names.contains(name) { names.append(name) }
        }
        return names
    }
}
