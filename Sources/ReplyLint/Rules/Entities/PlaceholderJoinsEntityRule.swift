import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport

/// `placeholder-joins-entity`: literal text and a variable that can join into an entity.
struct PlaceholderJoinsEntityRule: Rule {
    let scope = RuleScope.template
    let description = RuleDescription(
        id: "placeholder-joins-entity",
        summary: "literal text and a variable that can join into a URL, mention or hashtag",
        rationale: """
            `{name}.com`, `@{handle}` and `#{tag}` build an entity out of a value: X counts a URL as \
            23 whatever its length, notifies a mention and links a hashtag. The renderer refuses \
            such values unless the variable `allow`s the entity, so the template fails at run time.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .pack("  greeting:\n    text: Visit ↓{first_name}.com for more.\n"),
            .pack("  greeting:\n    text: Thanks @↓{first_name}!\n"),
            .pack("  greeting:\n    text: \"Follow #↓{first_name} for updates.\"\n"),
        ],
        nonTriggeringExamples: [
            .pack("  greeting:\n    text: Thanks {first_name}. See you soon.\n"),
        ])

    func check(_ context: LintContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for analysis in context.analyses {
            for (text, what) in analysis.texts {
                guard let message = text.message else { continue }
                for (argument, joined) in Self.joins(in: message) {
                    found.append(diagnostic(
                        "`{\(argument.name)}` in \(what) of `\(analysis.template.id.value)` can join the text around it into a \(joined)",
                        in: analysis, range: text.map.range(argument.span),
                        notes: ["the renderer refuses values that form a \(joined) with the text around them"],
                        help: "put a space or punctuation between the variable and the text"))
                }
            }
        }
        return found
    }

    /// Variables whose neighbouring literal text makes an entity with them, and which kind.
    static func joins(in message: Message) -> [(Message.Argument, String)] {
        var result: [(Message.Argument, String)] = []
        for index in message.parts.indices {
            switch message.parts[index] {
            case .variable(let argument):
                var joined: String?
                // The whole last character must be the mark: one with a combining mark on it joins nothing.
                if index > 0, case .literal(let text) = message.parts[index - 1], let last = text.unicodeScalars.last,
                   let entity = Self.entity(after: last), text.last?.unicodeScalars.count == 1 {
                    joined = entity
                }
                if joined == nil, index + 1 < message.parts.count, case .literal(let text) = message.parts[index + 1],
                   Self.startsDomain(text) {
                    joined = "URL"
                }
                if let joined { result.append((argument, joined)) }
            case .plural(_, let branches), .select(_, let branches):
                for branch in branches { result += joins(in: branch.message) }
            case .literal, .pound:
                break
            }
        }
        return result
    }

    /// The entity a literal ending in `mark` makes of the value after it, if any.
    private static func entity(after mark: Unicode.Scalar) -> String? {
        switch mark {
        case "@", "＠": "mention"
        case "#", "＃": "hashtag"
        case "$": "cashtag"
        case ".", "/", ":": "URL"
        default: nil
        }
    }

    /// `.com`, `/path`: text that continues a domain or path right after the value.
    private static func startsDomain(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if first == "/" { return true }
        return first == "." && scalars.next()?.properties.isAlphabetic == true
    }
}
