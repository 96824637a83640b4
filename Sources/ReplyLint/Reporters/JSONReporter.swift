import ReplyKit

/// One JSON object with exactly the fields cli.md documents. A diagnostic's `help` is its last note,
/// as `help: …`; a problem with a whole file has null positions.
struct JSONReporter {
    func render(_ result: LintResult) -> String {
        let diagnostics: [JSONValue] = result.diagnostics.map { d in
            .object([
                ("rule", .string(d.rule)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message)),
                ("file", d.file.map(JSONValue.string) ?? .null),
                ("line", d.range.map { .int($0.start.line) } ?? .null),
                ("column", d.range.map { .int($0.start.column) } ?? .null),
                ("end_line", d.range.map { .int($0.end.line) } ?? .null),
                ("end_column", d.range.map { .int($0.end.column) } ?? .null),
                ("brand", d.brand.map(JSONValue.string) ?? .null),
                ("locale", d.locale.map(JSONValue.string) ?? .null),
                ("template", d.template.map(JSONValue.string) ?? .null),
                ("notes", .array((d.notes + (d.help.map { ["help: \($0)"] } ?? [])).map(JSONValue.string))),
                ("fixable", .bool(d.isFixable)),
            ])
        }
        var templates: [JSONValue] = []
        for folder in result.repository.brands {
            for pack in folder.packs {
                for template in pack.templates {
                    templates.append(.object([
                        ("brand", .string(folder.id)),
                        ("locale", pack.tag.map { .string($0.canonical) } ?? .null),
                        ("template", .string(template.id.value)),
                        ("campaign", template.campaign.map(JSONValue.string) ?? .null),
                        ("variants", .int(template.variants.count)),
                        ("dm", .bool(template.dm != nil)),
                        // Null for a template that does not parse or uses undeclared variables.
                        ("max_weighted_length", result.worstCases[.init(file: pack.file, template: template.id.value)]
                            .map(JSONValue.int) ?? .null),
                        ("limit", .int(folder.brand?.maxLength ?? 280)),
                    ]))
                }
            }
        }
        let root: JSONValue = .object([
            ("version", .int(1)),
            ("summary", .object([
                ("files", .int(result.files.count)),
                ("templates", .int(result.repository.templateCount)),
                ("errors", .int(result.count(.error))),
                ("warnings", .int(result.count(.warning))),
                ("infos", .int(result.count(.info))),
            ])),
            ("diagnostics", .array(diagnostics)),
            ("templates", .array(templates)),
        ])
        return root.serialized(pretty: true) + "\n"
    }
}
