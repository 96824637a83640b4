public import ReplyKit
package import ReplyKitSupport
/// Reads a locale pack (`<locale>.yaml`) into a ``LocalePack`` by the schema of pack-format.md.
struct PackReader {
    enum Key: String, SchemaKey { case locale, templates, campaigns }
    enum TemplateKey: String, SchemaKey { case text, dm, description, tags, follow_up, disable }
    enum DMKey: String, SchemaKey { case prefill, welcome_message_id }
    // From the definitions in PackReader+Schema.swift, which `replykit schema pack` prints.
    static let keys = KeySet(schema)
    static let templateKeys = KeySet(templateSchema)
    static let dmKeys = KeySet(dmSchema)

    var reader: SchemaReader
    /// Every template id read so far, first occurrence only, with its key: read again from another
    /// of the pack's template mappings, an id is a template defined twice.
    private var ids: StringTable<YAMLValue>?

    init(source: SourceFile, brand: String, locale: String?) {
        reader = SchemaReader(source: source, brand: brand, locale: locale)
    }

    mutating func read(_ root: YAMLValue?, into pack: inout LocalePack) {
        guard let root else {
            reader.report("the pack is empty", at: nil, help: "start it with `locale:` and `templates:`")
            return
        }
        guard let fields = reader.fields(root, Self.keys, "the pack") else { return }
        for field in fields {
            switch field.key {
            case .locale:
                guard let tag = reader.localeTag(field.value, "`locale`") else { continue }
                pack.locale = tag
                reader.locale = tag.value.canonical
                if let fileLocale = pack.fileLocale, fileLocale != tag.value {
                    reader.report("the pack's locale `\(tag.value)` does not match its file name `\(fileLocale).yaml`",
                                  at: field.value.range,
                                  help: "rename the file to `\(tag.value).yaml`, or set `locale: \(fileLocale)`")
                }
            case .templates:
                if field.value.isNull { continue }
                readTemplates(field.value, "`templates`", campaign: nil, into: &pack.templates)
            case .campaigns:
                if field.value.isNull { continue }
                guard let campaigns = reader.mapping(field.value, "`campaigns`") else { continue }
                for campaign in campaigns {
                    guard let id = reader.identifier(campaign.key, "campaign id") else { continue }
                    pack.campaigns.append(id)
                    if campaign.value.isNull { continue }
                    readTemplates(campaign.value, "campaign `\(id.value)`", campaign: id.value, into: &pack.templates)
                }
            }
        }
    }

    /// Reads a `templates` or campaign mapping, appending its templates to `templates`. A key
    /// repeated in the mapping is a `duplicate-key` (``SchemaReader/mapping(_:_:)`` says so); an id
    /// already read from another of the pack's mappings is a template defined twice.
    private mutating func readTemplates(_ node: YAMLValue, _ what: @autoclosure () -> String, campaign: String?,
                                        into templates: inout [Template]) {
        guard let pairs = reader.mapping(node, what()) else { return }
        templates.reserveCapacity(templates.count + pairs.count)
        // Made for the first mapping, at its size: campaigns are few, and growing for them costs
        // less than sizing for each.
        if ids == nil { ids = StringTable(capacity: pairs.count) }
        for pair in pairs {
            guard let name = pair.name else { continue }
            let key = pair.key
            let first = ids![name]
            if first == nil { _ = ids!.insert(name, key) }
            // A null key (`~`) has no id to check.
            let id = key.isNull ? reader.identifier(key, "template id") : reader.identifier(Located(name, range: key.range), "template id")
            guard let id else { continue }
            if let first {
                reader.report("template `\(id.value)` is defined twice in this pack", at: id.range,
                              notes: ["first defined at \(reader.file):\(first.range.start)",
                                      "a template id is unique within its brand, across plain and campaign templates"])
                continue
            }
            readTemplate(id: id, pair.value, campaign: campaign, into: &templates)
        }
    }

    /// Reads one template and appends it to `templates`, unless it is too broken to check.
    private mutating func readTemplate(id: Located<String>, _ value: YAMLValue, campaign: String?,
                                       into templates: inout [Template]) {
        let idText = id.value
        reader.template = idText
        defer { reader.template = nil }
        func what() -> String { "template `\(idText)`" }
        // A template written as a bare string is a common slip: say where its text belongs.
        if value.isScalar, !value.isNull {
            reader.report("\(what()) must be a mapping with `text`, found \(reader.kindName(value))",
                          at: value.range, help: "put the text under a `text:` key, on the line below the id")
            return
        }
        guard let fields = reader.fields(value, Self.templateKeys, what()) else { return }
        // Filled in place: a template is large, and appending a finished one would copy it.
        templates.append(Template(id: id, campaign: campaign, range: value.range))
        let index = templates.count - 1
        for field in fields {
            switch field.key {
            case .text:
                if let items = field.value.sequence {
                    if items.count < 2 {
                        reader.report("\(what()) has a list of \(items.count) variant\(items.count == 1 ? "" : "s")",
                                      at: field.value.range, notes: ["a list of variants needs two or more"],
                                      help: items.count == 1 ? "write the text without the list" : nil)
                    }
                    var variants: [TemplateText] = []
                    variants.reserveCapacity(items.count)
                    for item in items {
                        if let text = reader.text(item, "a variant of `text`") { variants.append(text) }
                    }
                    templates[index].variants = variants
                } else if let text = reader.text(field.value, "`text`") {
                    templates[index].variants = [text]
                }
            case .dm: templates[index].dm = readDM(field.value, what: what())
            case .description:
                templates[index].description = reader.stringValue(field.value, "`description`", allowEmpty: true)
            case .tags: templates[index].tags = reader.stringValues(field.value, "`tags`") ?? []
            case .follow_up: templates[index].followUp = reader.identifier(field.value, "`follow_up`")
            case .disable: templates[index].disable = reader.strings(field.value, "`disable`") ?? []
            }
        }
    }

    private mutating func readDM(_ node: YAMLValue, what: @autoclosure () -> String) -> DMHandoff? {
        if let flag = node.plainBool {
            return flag ? DMHandoff(range: node.range) : nil
        }
        if node.isScalar {
            reader.report("`dm` of \(what()) must be `true`, `false` or a mapping, found \(reader.kindName(node))",
                          at: node.range)
            return nil
        }
        guard let fields = reader.fields(node, Self.dmKeys, "`dm` of \(what())") else { return nil }
        // The first line only: a mapping's range runs to the next key.
        var handoff = DMHandoff(range: reader.headRange(node))
        for field in fields {
            switch field.key {
            case .prefill: handoff.prefill = reader.text(field.value, "`dm.prefill`")
            case .welcome_message_id:
                guard let id = reader.string(field.value, "`dm.welcome_message_id`") else { continue }
                if !id.value.isEmpty, id.value.utf8.count <= Self.dmSchema[.welcome_message_id].maxDigits,
                   id.value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                    handoff.welcomeMessageID = id
                } else {
                    reader.report("`dm.welcome_message_id` must be digits only, found `\(id.value)`", at: field.value.range)
                }
            }
        }
        return handoff
    }
}
