import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `undeclared-variable` †: a variable used in text but not declared in brand.yaml.
struct UndeclaredVariableRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "undeclared-variable",
        summary: "a variable used in text but not declared in brand.yaml",
        rationale: """
            Only declared variables have limits: without a declaration ReplyKit cannot prove the \
            reply fits, and the renderer would refuse every value for it.
            """,
        defaultSeverity: .error, isMandatory: true,
        triggeringExamples: [
            .pack("  greeting:\n    text: Hi {↓frist_name}\n"),
            .pack("  greeting:\n    text: \"{days, plural, one {# day, {↓name}} other {# days}}\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Hi {first_name}, {days, plural, one {# day} other {# days}}\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.texts {
                // A text that could be measured uses declared variables only.
                guard text.bound == nil, let message = text.message else { continue }
                let declared = analysis.brand.variables.map(\.name.value)
                message.forEachArgument { argument, _ in
                    // A declaration in error has its own `schema` error.
                    guard !declared.contains(argument.name), !analysis.brand.rejectedVariables.contains(argument.name)
                    else { return }
                    found.append(diagnostic(
                        "`\(argument.name)` in \(what) of `\(analysis.template.id.value)` is not a declared variable",
                        in: analysis, range: text.map.range(argument.nameSpan),
                        notes: declared.isEmpty ? ["brand `\(analysis.brand.id)` declares no variables"]
                            : ["declared: \(declared.joined(separator: ", "))"],
                        help: DidYouMean.suggestion(for: argument.name, among: declared).map { "did you mean `\($0)`?" }
                            ?? "declare it under `variables:` in \(analysis.brand.file)"))
                }
            }
        }
        return found
    }
}
