internal import ReplyCompiler
internal import ReplyKitSupport

extension LanguageServer {
    /// The pack at the request's document and the cursor in it; nil for a document that is not a pack.
    func packCursor(_ params: Params) throws(RPCError)
        -> (path: String, folder: TemplateRepository.BrandFolder, pack: LocalePack, cursor: Cursor, offset: Int, lines: LineTable)? {
        let path = try workspacePath(try params.uri)
        let position = try params.position()
        guard let workspace, let (folder, pack) = workspace.pack(at: path), let source = workspace.source(path) else { return nil }
        let lines = LineTable(source.bytes)
        let offset = lines.offset(of: position)
        return (path, folder, pack, Cursor(pack: pack, bytes: source.bytes, offset: offset), offset, lines)
    }

    func location(_ path: String, _ range: SourceRange) -> JSONValue {
        let lines = LineTable(workspace?.source(path)?.bytes ?? [])
        return .object([("uri", .string(documents[path]?.uri ?? FileURI.uri(path))), ("range", lines.range(range).json)])
    }

    /// From `{variable}` to its declaration in brand.yaml, from `follow_up` to the template it names,
    /// from a campaign template (or its campaign's key) to the campaign in brand.yaml.
    func definition(_ params: Params) throws(RPCError) -> JSONValue {
        guard let found = try packCursor(params) else { return .null }
        let brand = found.folder.brand
        if let variable = found.cursor.variable, let brand, let declared = brand.variable(named: variable.name) {
            return location(brand.file, declared.name.range)
        }
        for campaign in found.pack.campaigns where campaign.range.start.offset <= found.offset && found.offset <= campaign.range.end.offset {
            if let brand, let declared = brand.campaign(campaign.value) { return location(brand.file, declared.id.range) }
        }
        guard let index = found.cursor.templateIndex else { return .null }
        let template = found.pack.templates[index]
        if let followUp = template.followUp, followUp.range.start.offset <= found.offset, found.offset <= followUp.range.end.offset {
            guard let target = found.pack.templates.first(where: { $0.id.value == followUp.value }) else { return .null }
            return location(found.path, target.id.range)
        }
        if let campaign = template.campaign, let brand, let declared = brand.campaign(campaign),
           template.id.range.start.offset <= found.offset, found.offset <= template.id.range.end.offset {
            return location(brand.file, declared.id.range)
        }
        return .null
    }

    /// A pack's templates (campaign templates under their campaign); brand.yaml's variables and campaigns.
    func documentSymbols(_ params: Params) throws(RPCError) -> JSONValue {
        let path = try workspacePath(try params.uri)
        guard let workspace, let source = workspace.source(path) else { return .array([]) }
        let lines = LineTable(source.bytes)
        func symbol(_ name: String, _ detail: String?, kind: Int, whole: SourceRange, selection: SourceRange,
                    children: [JSONValue] = []) -> JSONValue {
            var fields: [(String, JSONValue)] = [("name", .string(name.isEmpty ? "(empty)" : name))]
            if let detail { fields.append(("detail", .string(detail))) }
            fields += [("kind", .int(kind)), ("range", lines.range(whole).json), ("selectionRange", lines.range(selection).json)]
            if !children.isEmpty { fields.append(("children", .array(children))) }
            return .object(fields)
        }
        func span(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
            SourceRange(start: min(a.start, b.start), end: max(a.end, b.end))
        }
        if let (folder, pack) = workspace.pack(at: path) {
            let analyses = workspace.analyses(ofPack: path)
            let limit = folder.brand?.maxLength ?? 280
            func templateSymbol(_ index: Int) -> JSONValue {
                let template = pack.templates[index]
                let worst = analyses.indices.contains(index) ? analyses[index].maxWeightedLength : nil
                let variants = template.variants.count == 1 ? "" : "\(template.variants.count) variants, "
                return symbol(template.id.value, variants + (worst.map { "\($0) / \(limit)" } ?? "not measured"), kind: 15,
                              whole: span(template.id.range, template.range), selection: template.id.range)
            }
            var symbols: [JSONValue] = []
            for index in pack.templates.indices where pack.templates[index].campaign == nil { symbols.append(templateSymbol(index)) }
            for campaign in pack.campaigns {
                let members = pack.templates.indices.filter { pack.templates[$0].campaign == campaign.value }
                let whole = members.reduce(campaign.range) { span($0, span(pack.templates[$1].id.range, pack.templates[$1].range)) }
                symbols.append(symbol(campaign.value, "campaign", kind: 3, whole: whole, selection: campaign.range,
                                      children: members.map(templateSymbol)))
            }
            return .array(symbols)
        }
        if let (_, folder) = workspace.brandFolder(of: path), let brand = folder.brand, brand.file == path {
            return .array(brand.variables.map {
                symbol($0.name.value, $0.typeName, kind: 13, whole: span($0.name.range, $0.range), selection: $0.name.range)
            } + brand.campaigns.map {
                symbol($0.id.value, $0.status.map { "campaign, \($0.value.rawValue)" } ?? "campaign", kind: 3,
                       whole: span($0.id.range, $0.range), selection: $0.id.range)
            })
        }
        return .array([])
    }

    /// After each text, its worst case against the brand's limit ("243 / 280").
    func inlayHints(_ params: Params) throws(RPCError) -> JSONValue {
        let path = try workspacePath(try params.uri)
        guard let workspace, let (folder, _) = workspace.pack(at: path), let source = workspace.source(path) else { return .array([]) }
        let lines = LineTable(source.bytes)
        let first = try Params(params.value["range"]).position("start")
        let last = try Params(params.value["range"]).position("end")
        let limit = folder.brand?.maxLength ?? 280
        var hints: [JSONValue] = []
        for analysis in workspace.analyses(ofPack: path) {
            for text in analysis.variants {
                guard let bound = text.bound else { continue }
                // A block scalar's range ends at the start of the next line: the hint goes after its last character.
                var end = min(text.text.range.end.offset, source.bytes.count)
                while end > text.text.range.start.offset, source.bytes[end - 1] == 0x0A || source.bytes[end - 1] == 0x0D { end -= 1 }
                let position = lines.position(ofByte: end)
                guard first <= position, position <= last else { continue }
                let worst = bound.reply(deepLink: analysis.deepLinkWeight)
                hints.append(.object([
                    ("position", position.json), ("label", .string("\(worst) / \(limit)")), ("paddingLeft", .bool(true)),
                    ("tooltip", .string("worst case over every value, deep link included")),
                ]))
            }
        }
        return .array(hints)
    }
}
