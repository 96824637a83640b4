/// Why `--fix` left a finding as it was: what applying its fix would have done, and what to do
/// instead. Reported as a note and the help of the finding.
package struct FixRefusal: Sendable, Hashable {
    /// What the fix would do, after "removing it" or "writing `é`": `would turn `{s}` into literal text`.
    package var consequence: String
    /// What to do by hand.
    package var help: String

    /// Help for a finding whose fix YAML would read wrongly in a plain scalar: in double quotes the
    /// same text is read as written, and `--fix` can then fix it.
    static let quoteHelp = "fix it by hand, or put the text in double quotes and run `replykit lint --fix` again"
    static let byHand = "fix it by hand"
}

/// What a fix does to its text, for the note that says why it was withheld: `removing it`.
struct FixAction: Sendable, Hashable {
    var phrase: String

    init(replacement: String) {
        phrase = replacement.isEmpty ? "removing it" : "writing `\(MessageShape.visible(replacement))`"
    }
}
