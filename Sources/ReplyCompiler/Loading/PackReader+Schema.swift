/// The keys of a locale pack (`<locale>.yaml`), what each holds and what it means: ``PackReader``
/// reads by these and `replykit schema pack` prints them as a JSON Schema.
extension PackReader {
    static let schema = MappingSchema<Key>("A locale pack of a ReplyKit brand (templates/<brand>/<locale>.yaml).") { key in
        switch key {
        case .locale:
            FieldSchema(FileSchemas.localeTag, required: true, "The pack's BCP 47 tag, written canonically; it must equal the file's name.")
        case .templates:
            FieldSchema(.nullable(templates), "The pack's templates, by id (unique within the brand).")
        case .campaigns:
            FieldSchema(.nullable(.map(keys: .pattern(FileSchemas.identifierPattern, description: "a campaign id declared in brand.yaml"),
                                       value: .nullable(templates))),
                        "Campaign templates, by campaign id (declared in brand.yaml), then by template id.")
        }
    }

    /// A `templates` mapping, or one campaign's.
    private static let templates = ValueSchema.map(keys: .pattern(FileSchemas.identifierPattern, description: "a template id"),
                                                   value: .reference(templateDefinition))

    /// The name of the template's shape under `$defs`: plain and campaign templates share it.
    static let templateDefinition = "template"

    static let templateSchema = MappingSchema<TemplateKey>("A template: its text (or variants) and how it hands off to DMs.") { key in
        switch key {
        case .text:
            FieldSchema(.anyOf([.nullable(.string()), .list(.nullable(.string()), minItems: 2)]), required: true,
                        "The reply's text in the message syntax (`{first_name}`, `{days, plural, …}`), or a list of two or more variants; quote text that starts with `{`.")
        case .dm:
            FieldSchema(.anyOf([.boolean, dmSchema.value]),
                        "Hand the conversation to DMs: `true`, or a mapping with `prefill` and `welcome_message_id`. The deep link is appended last.")
        case .description: FieldSchema(.nullable(.string()), "What the template is for.")
        case .tags: FieldSchema(.list(.string()), "Labels to group templates by.")
        case .follow_up:
            FieldSchema(.string(pattern: FileSchemas.identifierPattern),
                        "The id of the template to send when the customer has not written in DM.")
        case .disable: FieldSchema(.list(.string()), "Lint rules switched off for this template († rules excepted).")
        }
    }

    static let dmSchema = MappingSchema<DMKey>("A DM hand-off with settings.") { key in
        switch key {
        case .prefill:
            FieldSchema(.nullable(.string()), "Text pre-filled in the customer's DM box; may use variables.")
        case .welcome_message_id: FieldSchema(.digits(maxCount: 19), "The id of a welcome message to show (digits only; quote it).")
        }
    }
}
