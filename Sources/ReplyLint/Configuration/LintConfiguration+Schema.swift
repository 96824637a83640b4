import ReplyCompiler

/// The keys of `replykit.yaml`: ``LintConfiguration/load(path:catalogue:)`` reads by these, and
/// `replykit schema config` prints them, with every rule of the catalogue, as a JSON Schema.
extension LintConfiguration {
    package enum Key: String, SchemaKey { case templates, locales, rules }

    package static let schema = MappingSchema<Key>("ReplyKit's configuration (replykit.yaml), found by walking up from the linted path.") { key in
        switch key {
        case .templates:
            FieldSchema(.string(), "Where the brand folders are, relative to this file (default `templates`).")
        case .locales:
            FieldSchema(.string(), "Extra or overriding locale data, relative to this file (default `locales`).")
        case .rules:
            // Filled in from the catalogue by `schema(catalogue:)`: the rules are not known here.
            FieldSchema(.nullable(.map(keys: .pattern(".*", description: "a rule id"), value: .scalar)),
                        "Rule severities and options, by rule id: `shouting: off`, `near-limit: {severity: warning, margin: 10}`.")
        }
    }

    /// The severities a rule may be set to; a † rule takes `error` alone.
    static func severities(of rule: RuleDescription) -> [String] {
        Severity.allCases.reversed().filter { rule.refusal(of: $0) == nil }.map(\.rawValue)
    }

    /// One rule's setting: a severity, or a mapping with `severity` and the rule's own options.
    static func setting(of rule: RuleDescription) -> FieldSchema {
        let severity = ValueSchema.string(allowed: severities(of: rule))
        let options = ObjectSchema(
            description: "The rule's severity and its options.",
            fields: [("severity", FieldSchema(severity, "error, warning, info or off; † rules are always errors."))],
            open: true)
        let mark = rule.isMandatory ? " († always an error)" : ""
        return FieldSchema(.anyOf([severity, .mapping(options)]),
                           "\(rule.summary)\(mark). Default: \(rule.defaultSeverity.rawValue).")
    }

    /// The schema of `replykit.yaml` for the rules of `catalogue`.
    package static func schemaDocument(catalogue: RuleCatalogue = .standard) -> SchemaDocument {
        let rules = ObjectSchema(description: "Rule severities and options, by rule id.",
                                 fields: catalogue.rules.map { ($0.description.id, setting(of: $0.description)) })
        let object = schema.object
        let fields = object.fields.map { entry in
            entry.name == Key.rules.rawValue
                ? (entry.name, FieldSchema(.nullable(.mapping(rules)), entry.field.description)) : entry
        }
        return SchemaDocument(id: FileSchemas.identifier(of: .config), title: "ReplyKit configuration (replykit.yaml)",
                              // An empty replykit.yaml is the default configuration.
                              root: .nullable(.mapping(ObjectSchema(description: object.description, fields: fields))))
    }
}
