import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// `invalid-example`: an `example` its own variable would refuse.
struct InvalidExampleRule: Rule {
    let reportsOn = ReportedFiles.brand
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
