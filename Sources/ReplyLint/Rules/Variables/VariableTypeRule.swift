import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `variable-type` †: `plural` on a non-number, `select` on a number, a choice branch that is not a value.
struct VariableTypeRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "variable-type",
        summary: "`plural` on a non-number variable, `select` on a number, a choice branch that is not one of the values",
        rationale: """
            `plural` picks a branch by the CLDR category of a number; `select` compares text. Used the \
            other way round the branch can never be chosen as meant, and a `select` branch naming a \
            value the choice does not have is dead text that no reviewer will ever see rendered.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: \"{↓first_name, plural, one {x} other {y}}\"\n"),
            .pack("  greeting:\n    text: \"{↓days, select, one {x} other {y}}\"\n"),
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand + "\n  cabin:\n    type: choice\n    values: [economy, first]\n",
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: \"{cabin, select, economy {Hi} ↓frist {Welcome} other {Hello}}\"\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample([
                "brand.yaml": RuleExample.defaultBrand + "\n  cabin:\n    type: choice\n    values: [economy, first]\n",
                "en-US.yaml": "locale: en-US\ntemplates:\n  greeting:\n    text: \"{cabin, select, first {Welcome} other {Hello}}, {first_name, select, Ana {Ana!} other {friend}}\"\n",
            ]),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            // Taken out once: reaching the brand from inside the closure copied the whole brand.
            let variables = analysis.brand.variables
            for (text, what) in analysis.texts where !text.variableNames.isEmpty {
                text.message?.forEachArgument { argument, part in
                    guard let variable = variables.named(argument.name) else { return }
                    let name = argument.name
                    switch (part, variable.kind) {
                    case (.plural, .text), (.plural, .choice):
                        found.append(diagnostic(
                            "`plural` on `\(name)` in \(what), which is a \(variable.typeName) variable", in: analysis,
                            range: text.map.range(argument.nameSpan),
                            notes: ["`plural` picks a branch by a number's plural category"],
                            help: "use `select` for text and choices, or declare `\(name)` as `type: number`"))
                    case (.select, .number):
                        found.append(diagnostic(
                            "`select` on `\(name)` in \(what), which is a number variable", in: analysis,
                            range: text.map.range(argument.nameSpan),
                            help: "use `plural` with categories or `=N` branches for numbers"))
                    case (.select(_, let branches), .choice(let values)):
                        for branch in branches where !branch.key.isOther && !values.contains(branch.key.description) {
                            found.append(diagnostic(
                                "`\(branch.key)` is not a value of `\(name)` in \(what)", in: analysis,
                                range: text.map.range(branch.keySpan),
                                notes: ["`\(name)` takes: \(values.joined(separator: ", "))"],
                                help: DidYouMean.suggestion(for: branch.key.description, among: values).map { "did you mean `\($0)`?" }))
                        }
                    default:
                        break
                    }
                }
            }
        }
        return found
    }
}
