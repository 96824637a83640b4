import ReplyKit
import ReplyCompiler

/// How much weighted length a translation's own text may have: the brand's limit, less what the
/// variables take at their longest (along the source's longest path) and what the deep link adds.
///
/// A translation whose own text weighs at most ``available`` fits the limit for every value, as
/// long as it uses the variables as the source does; the import measures the translation itself.
struct Budget: Sendable, Hashable {
    var limit: Int
    var variables: Int
    var deepLink: Int

    /// Nil when the source cannot be measured (it does not parse, or uses undeclared variables).
    init?(_ text: TemplateAnalysis.Text, limit: Int, deepLink: Int) {
        guard let bound = text.bound else { return nil }
        self.limit = limit
        variables = max(0, bound.total - bound.literal)
        self.deepLink = deepLink
    }

    /// The budget of the text itself; 0 when the variables and the link alone reach the limit.
    var available: Int {
        let (rest, overflow) = limit.subtractingReportingOverflow(variables)
        guard !overflow else { return 0 }
        let (left, overflowAgain) = rest.subtractingReportingOverflow(deepLink)
        return overflowAgain ? 0 : max(0, left)
    }

    /// The budget in words, for the note.
    var sentence: String {
        var parts = ["the reply's limit is \(limit)"]
        if variables > 0 { parts.append("the variables at their longest take \(variables)") }
        if deepLink > 0 { parts.append("the DM link takes \(deepLink)") }
        return "the text may weigh at most \(available) weighted characters, placeholders not counted (most letters count 1; CJK characters and emoji count 2): \(parts.joined(separator: ", "))"
    }
}
