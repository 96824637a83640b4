import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// One JSON object with exactly the fields cli.md documents. A diagnostic's `help` is its last note,
/// as `help: …`; a problem with a whole file has null positions.
struct JSONReporter {
    /// About what a diagnostic and a template take, pretty-printed: room is made for them up front.
    private static let bytesPerDiagnostic = 512, bytesPerTemplate = 256

    func render(_ result: LintResult) -> String {
        // Written as it goes: the report describes every template of the repository. Diagnostics
        // and templates are written in parts on every core, each part's text decoded there.
        var json = JSONWriter(pretty: true)
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
        var text = json.takeText()
        // About what the report takes: growing a string of megabytes copies it each time.
        text.reserveCapacity(result.diagnostics.count * Self.bytesPerDiagnostic + result.repository.templateCount * Self.bytesPerTemplate)
        let diagnostics = result.diagnostics
        Self.writeItems(of: &json, into: &text, units: diagnostics.count, bytesPerItem: Self.bytesPerDiagnostic,
                        items: { $0.count }) { json, range in
            for d in diagnostics[range] { Self.write(d, &json) }
        }
        json.endArray()
        json.key("templates")
        json.beginArray()
        let folders = result.repository.brands
        Self.writeItems(of: &json, into: &text, units: folders.count, bytesPerItem: Self.bytesPerTemplate,
                        items: { folders[$0].reduce(0) { $0 + $1.packs.reduce(0) { $0 + $1.templates.count } } }) { json, range in
            for folder in folders[range] { Self.writeTemplates(of: folder, worstCases: result.worstCases, &json) }
        }
        json.endArray()
        json.endObject()
        json.endLine()
        text += json.takeText()
        return text
    }

    /// Writes the items of the array `json` has open, in parts written on every core, and adds their
    /// text to `text`; `json` then stands after them. `units` are what `write` takes in ranges (a
    /// diagnostic, a brand folder); `items` counts the array items a range of them writes.
    private static func writeItems(of json: inout JSONWriter, into text: inout String, units: Int, bytesPerItem: Int,
                                   items: (Range<Int>) -> Int, write: @Sendable (inout JSONWriter, Range<Int>) -> Void) {
        text += json.takeText()
        // A few parts a core, so one slow part does not leave the other cores idle.
        let partCount = max(1, min(units, ProcessInfo.processInfo.activeProcessorCount * 4))
        let parts = (0..<partCount).map { units * $0 / partCount..<units * ($0 + 1) / partCount }
        let counts = parts.map(items)
        let start = json
        let texts = ResultSlots<String>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            var part = start.continuation(afterItems: counts[..<index].contains { $0 > 0 })
            part.reserveCapacity(counts[index] * bytesPerItem)
            write(&part, parts[index])
            texts[index] = part.takeText()
        }
        for index in parts.indices { text += texts[index] ?? "" }
        json = start.continuation(afterItems: counts.contains { $0 > 0 })
    }

    private static func write(_ d: Diagnostic, _ json: inout JSONWriter) {
        json.beginObject()
        json.key(plain: "rule"); json.string(d.rule)
        json.key(plain: "severity"); json.string(d.severity.rawValue)
        json.key(plain: "message"); json.string(d.message)
        json.key(plain: "file"); json.string(d.file)
        json.key(plain: "line"); json.int(d.range?.start.line)
        json.key(plain: "column"); json.int(d.range?.start.column)
        json.key(plain: "end_line"); json.int(d.range?.end.line)
        json.key(plain: "end_column"); json.int(d.range?.end.column)
        json.key(plain: "brand"); json.string(d.brand)
        json.key(plain: "locale"); json.string(d.locale)
        json.key(plain: "template"); json.string(d.template)
        json.key(plain: "notes")
        json.beginArray()
        for note in d.notes { json.string(note) }
        if let help = d.help { json.string("help: \(help)") }
        json.endArray()
        json.key(plain: "fixable"); json.bool(d.isFixable)
        json.endObject()
    }

    private static func writeTemplates(of folder: TemplateRepository.BrandFolder, worstCases: [String: [Int?]],
                                       _ json: inout JSONWriter) {
        let limit = folder.brand?.maxLength ?? 280
        for pack in folder.packs {
            let locale = pack.tag?.canonical
            let templates = pack.templates
            // Looked up once a pack: hashing its path for each template showed in profiles.
            let worstCases = worstCases[pack.file] ?? []
            // By index: a `Template` is large, and copying each out of the array costs more than
            // writing it.
            for index in templates.indices {
                json.beginObject()
                json.key(plain: "brand"); json.string(folder.id)
                json.key(plain: "locale"); json.string(locale)
                json.key(plain: "template"); json.string(templates[index].id.value)
                json.key(plain: "campaign"); json.string(templates[index].campaign)
                json.key(plain: "variants"); json.int(templates[index].variants.count)
                json.key(plain: "dm"); json.bool(templates[index].dm != nil)
                // Null for a template that does not parse or uses undeclared variables.
                json.key(plain: "max_weighted_length")
                json.int(index < worstCases.count ? worstCases[index] : nil)
                json.key(plain: "limit"); json.int(limit)
                json.endObject()
            }
        }
    }
}
