import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// A rule whose every finding is a span of one template text and what should replace it.
///
/// `check` reports the findings with the edit of the file that makes that change; `--fix` asks the
/// rule for the same findings on the text it holds in memory, and applies one only after proving
/// what it changes (``Fixer``).
protocol TextFixingRule: Rule {
    /// Whether the DM prefill is checked as well as the variants.
    var checksPrefill: Bool { get }
    /// The findings in one text, in text order.
    func findings(in text: TemplateAnalysis.Text) -> [TextFinding]
}

/// One finding of a ``TextFixingRule``: which part of the text is wrong, and what fixes it.
struct TextFinding: Sendable, Hashable {
    /// UTF-8 offsets in the text's value (after YAML's unescaping and folding).
    var span: Range<Int>
    /// What the span's text becomes.
    var replacement: String
    /// The message after "the text of `id`": `holds the invisible character U+200B (ZERO WIDTH SPACE)`.
    var problem: String
    var help: String
}

extension TextFixingRule {
    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in checksPrefill ? analysis.texts : analysis.variantTexts {
                for finding in findings(in: text) {
                    let source = text.map.sourceRange(finding.span)
                    found.append(diagnostic("\(what) of `\(analysis.template.id.value)` \(finding.problem)", in: analysis,
                                            range: source, help: finding.help,
                                            fix: [TextEdit(range: source, replacement: finding.replacement)]))
                }
            }
        }
        return found
    }
}
