import ReplyKit
import ReplyCompiler

/// The notes of a unit: what a translator needs to know about the text.
enum UnitNotes {
    /// The format, description, tags and campaign of a template.
    static func common(_ template: Template) -> [TranslationNote] {
        var notes = [TranslationNote(category: "format", text: "icu")]
        if let description = template.description, !description.isEmpty {
            notes.append(TranslationNote(category: "description", text: description))
        }
        if !template.tags.isEmpty { notes.append(TranslationNote(category: "tags", text: template.tags.joined(separator: ", "))) }
        if let campaign = template.campaign { notes.append(TranslationNote(category: "campaign", text: campaign)) }
        return notes
    }

    /// One note per variable `names` holds (each once, in order): its type, bounds and example.
    static func variables(_ names: [String], brand: Brand) -> [TranslationNote] {
        var seen: Set<String> = []
        return names.compactMap { name in
            guard seen.insert(name).inserted else { return nil }
            guard let variable = brand.variable(named: name) else {
                return TranslationNote(category: "variable", text: "{\(name)}: not declared in brand.yaml")
            }
            var text = "{\(name)}: "
            switch variable.kind {
            case .text(let rules): text += "text, at most \(rules.maxLength) weighted characters"
            case .number(let min, let max): text += "number from \(min) to \(max)"
            case .choice(let values): text += "one of \(values.joined(separator: ", "))"
            }
            if let example = variable.example?.value { text += "; example: \(example)" }
            if let description = variable.description, !description.isEmpty { text += "; \(description)" }
            return TranslationNote(category: "variable", text: text)
        }
    }

    /// The budget note of each segment, naming the segment when there are several.
    static func budgets(_ budgets: [Budget?], segments: [String]) -> [TranslationNote] {
        zip(budgets, segments).map { budget, segment in
            let prefix = segments.count > 1 ? "variant \(segment): " : ""
            guard let budget else {
                return TranslationNote(category: "budget", text: prefix + "the source cannot be measured (see `replykit lint`), so there is no budget")
            }
            return TranslationNote(category: "budget", text: prefix + budget.sentence)
        }
    }
}
