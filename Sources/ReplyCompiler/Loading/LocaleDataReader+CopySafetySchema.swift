/// The keys of `copy_safety:` in locale data, as docs/copy-safety.md describes them.
extension LocaleDataReader {
    /// A phrase that can be matched: two characters at least, no spaces at either end.
    static let phrases = ValueSchema.list(.string(pattern: #"^\S([\s\S]*\S)?$"#, minLength: 2))
    static let categoryPattern = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"
    static let redirectPrefix = "redirect-"

    private static func items(prefix: String = "") -> ValueSchema {
        let pattern = prefix.isEmpty ? categoryPattern : "^\(prefix)([a-z0-9-]*[a-z0-9])$"
        return .map(keys: .pattern(pattern, description: "a kebab-case category\(prefix.isEmpty ? "" : " starting with `\(prefix)`")"),
                    value: phrases)
    }

    static let copySafetySchema = MappingSchema<CopySafetyKey>("The language's asks, items, negations and redirects for the copy-safety rules.") { key in
        switch key {
        case .word_order:
            FieldSchema(.string(allowed: CopySafetyData.WordOrder.allCases.map(\.rawValue)),
                        "Where the verb stands: `verb-final` or `verb-medial`.")
        case .late_negation:
            FieldSchema(.boolean, "Whether a negation may follow what it negates in its clause (`Teile deine PIN nicht`).")
        case .replace: FieldSchema(.boolean, "Replace the inherited grammar instead of adding to it.")
        case .private: FieldSchema(items(), "Private information, by category: may be asked for in DMs only.")
        case .secrets: FieldSchema(items(), "Secrets, by category: never asked for.")
        case .implicit: FieldSchema(items(), "Asks that name no item but imply one, by the item's category.")
        case .redirects:
            FieldSchema(items(prefix: redirectPrefix), "Phrases that send the customer elsewhere, by `redirect-` category.")
        case .asks: FieldSchema(phrases, "Verbs and phrases that ask the customer for something.")
        case .asks_back: FieldSchema(phrases, "Asks that point back to an item named before them (`drop it below`, `reply with it`).")
        case .contact: FieldSchema(phrases, "Verbs that make a number or address after them part of the finding (`reach out`, `dial`).")
        case .contact_pages: FieldSchema(phrases, "Words in the URL path of a contact page (`contact`, `chat`).")
        case .negations: FieldSchema(phrases, "Words that negate an ask (`never`).")
        case .brand: FieldSchema(phrases, "Phrases where the brand acts, not the customer (`we sent`).")
        case .elsewhere: FieldSchema(phrases, "Phrases that place an item somewhere other than the reply (`in the app`).")
        case .statements: FieldSchema(phrases, "Statements of fact about an item (`is on`, `is printed`).")
        case .clause_breaks: FieldSchema(phrases, "Words that start a new clause (`but`, `so that`), where an ask's reach ends.")
        }
    }
}
