internal import ReplyKit

/// The keys of a locale data file (`locales/<tag>.yaml`), what each holds and what it means:
/// ``LocaleDataReader`` reads by these and `replykit schema locale` prints them as a JSON Schema.
extension LocaleDataReader {
    static let schema = MappingSchema<Key>("Locale data: plural rules, direction and the copy-safety grammar (locales/<tag>.yaml).") { key in
        switch key {
        case .locale:
            FieldSchema(FileSchemas.localeTag, required: true, "The data's BCP 47 tag, written canonically; it must equal the file's name.")
        case .name: FieldSchema(.string(), "The locale's name in its own language: `Español (México)`.")
        case .parent: FieldSchema(FileSchemas.localeTag, "The locale whose data fills in what this file leaves out.")
        case .direction:
            FieldSchema(.string(allowed: LocaleData.Direction.allCases.map(\.rawValue)), "Writing direction: `ltr` or `rtl`.")
        case .plural:
            FieldSchema(.map(keys: .allowed(pluralCategories), value: .string()),
                        "CLDR cardinal plural rules by category (`one: \"n = 1\"`); `other` is implicit; `{}` for none.")
        case .terms:
            FieldSchema(termsSchema.value, "The older flat term lists; their phrases count as copy-safety items.")
        case .copy_safety: FieldSchema(copySafetySchema.value, "The copy-safety grammar of the language (docs/copy-safety.md).")
        }
    }

    /// The categories a plural rule may be written for: `other` takes what the rules leave.
    static let pluralCategories = PluralCategory.allCases.filter { $0 != .other }.map(\.rawValue)

    static let termsSchema = MappingSchema<LocaleData.TermList>("The older flat term lists.") { key in
        let phrases = ValueSchema.list(.string())
        return switch key {
        case .private_info: FieldSchema(phrases, "Private information a reply must not ask for in public.")
        case .secrets: FieldSchema(phrases, "Secrets a reply must never ask for.")
        case .redirects: FieldSchema(phrases, "Phrases that send the customer elsewhere.")
        case .negations: FieldSchema(phrases, "Words that negate an ask.")
        }
    }
}
