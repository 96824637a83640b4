import ReplyKit

/// One JSON object with exactly the fields cli.md documents. A diagnostic's `help` is its last note,
/// as `help: …`; a problem with a whole file has null positions.
struct JSONReporter {
    func render(_ result: LintResult) -> String {
        // Written as it goes: the report describes every template of the repository.
        var json = JSONWriter(pretty: true)
        // About what each takes, pretty-printed: growing by doubling would copy the text many times.
        json.reserveCapacity(result.repository.templateCount * 256 + result.diagnostics.count * 512)
        json.beginObject()
        json.key("version")
        json.int(1)
        json.key("summary")
        json.value(.object([
            ("files", .int(result.files.count)),
            ("templates", .int(result.repository.templateCount)),
            ("errors", .int(result.count(.error))),
            ("warnings", .int(result.count(.warning))),
            ("infos", .int(result.count(.info))),
        ]))
        json.key("diagnostics")
        json.beginArray()
        for d in result.diagnostics {
            json.beginObject()
            json.key("rule"); json.string(d.rule)
            json.key("severity"); json.string(d.severity.rawValue)
            json.key("message"); json.string(d.message)
            json.key("file"); json.string(d.file)
            json.key("line"); json.int(d.range?.start.line)
            json.key("column"); json.int(d.range?.start.column)
            json.key("end_line"); json.int(d.range?.end.line)
            json.key("end_column"); json.int(d.range?.end.column)
            json.key("brand"); json.string(d.brand)
            json.key("locale"); json.string(d.locale)
            json.key("template"); json.string(d.template)
            json.key("notes")
            json.beginArray()
            for note in d.notes { json.string(note) }
            if let help = d.help { json.string("help: \(help)") }
            json.endArray()
            json.key("fixable"); json.bool(d.isFixable)
            json.endObject()
        }
        json.endArray()
        json.key("templates")
        json.beginArray()
        for folder in result.repository.brands {
            let limit = folder.brand?.maxLength ?? 280
            for pack in folder.packs {
                let locale = pack.tag?.canonical
                let templates = pack.templates
                // Looked up once a pack: hashing its path for each template showed in profiles.
                let worstCases = result.worstCases[pack.file] ?? []
                // By index: a `Template` is large, and copying each out of the array costs more than
                // writing it.
                for index in templates.indices {
                    json.beginObject()
                    json.key("brand"); json.string(folder.id)
                    json.key("locale"); json.string(locale)
                    json.key("template"); json.string(templates[index].id.value)
                    json.key("campaign"); json.string(templates[index].campaign)
                    json.key("variants"); json.int(templates[index].variants.count)
                    json.key("dm"); json.bool(templates[index].dm != nil)
                    // Null for a template that does not parse or uses undeclared variables.
                    json.key("max_weighted_length")
                    json.int(index < worstCases.count ? worstCases[index] : nil)
                    json.key("limit"); json.int(limit)
                    json.endObject()
                }
            }
        }
        json.endArray()
        json.endObject()
        json.endLine()
        return json.text
    }
}
