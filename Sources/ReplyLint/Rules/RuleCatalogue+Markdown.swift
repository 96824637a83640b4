import ReplyKit
import ReplyCompiler
import ReplyKitSupport

extension RuleCatalogue {
    /// `docs/rules.md`: every rule with its summary, rationale and examples. A test keeps the file
    /// equal to this text.
    public func markdown() -> String {
        var out = """
            # Lint rules

            Generated from the rule catalogue (`replykit rules` prints the same); do not edit by hand.
            Rules marked † cannot be switched off. Examples are run by the test suite: `↓` marks where
            the rule reports.

            | id | default | fixable | catches |
            | --- | --- | --- | --- |

            """
        for rule in rules.map(\.description) {
            out += "| [`\(rule.id)`](#\(rule.id))\(rule.isMandatory ? " †" : "") | \(rule.defaultSeverity.rawValue) | \(rule.isFixable ? "yes" : "no") | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        for rule in rules.map(\.description) {
            out += "\n## \(rule.id)\n\n"
            out += "Default severity: **\(rule.defaultSeverity.rawValue)**"
            out += rule.isMandatory ? " (cannot be switched off)" : ""
            out += rule.isFixable ? "; fixable with `--fix`" : ""
            out += ".\n\n\(rule.rationale)\n"
            out += examples("Triggers", rule.triggeringExamples)
            out += examples("Does not trigger", rule.nonTriggeringExamples)
        }
        return out
    }

    private func examples(_ title: String, _ examples: [RuleExample]) -> String {
        guard !examples.isEmpty else { return "" }
        var out = "\n\(title):\n"
        for example in examples {
            for name in example.files.keys.sorted() {
                out += "\n"
                if let comment = example.comment { out += "<!-- \(comment) -->\n" }
                out += "```yaml\n# \(name)\n\(example.files[name]!.hasSuffix("\n") ? example.files[name]! : example.files[name]! + "\n")```\n"
            }
        }
        return out
    }

    /// The one-line listing of `replykit rules`.
    public func listing() -> String {
        let width = rules.map { $0.id.count + ($0.description.isMandatory ? 2 : 0) }.max() ?? 0
        var out = ""
        for rule in rules.map(\.description) {
            let id = rule.id + (rule.isMandatory ? " †" : "")
            out += id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            out += rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            out += (rule.isFixable ? "fixable  " : "         ") + rule.summary + "\n"
        }
        out += "\n† cannot be switched off. `replykit rules ID` explains a rule, with its examples.\n"
        return out
    }

    /// `replykit rules ID`: a rule in full.
    public func explanation(of id: String) -> String? {
        guard let rule = rule(id)?.description else { return nil }
        var out = "\(rule.id)\(rule.isMandatory ? " †" : ""): \(rule.summary)\n"
        out += "default: \(rule.defaultSeverity.rawValue)\(rule.isFixable ? ", fixable" : "")\(rule.isMandatory ? ", cannot be switched off" : "")\n\n"
        out += rule.rationale + "\n"
        for (title, list) in [("triggers", rule.triggeringExamples), ("does not trigger", rule.nonTriggeringExamples)] {
            for example in list {
                out += "\n\(title)\(example.comment.map { " (\($0))" } ?? ""):\n"
                for name in example.files.keys.sorted() {
                    out += "  # \(name)\n"
                    for line in example.files[name]!.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                        out += "  \(line)\n"
                    }
                }
            }
        }
        return out
    }
}
