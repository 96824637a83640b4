internal import ReplyCompiler
internal import ReplyLint
internal import ReplyKitSupport

extension LanguageServer {
    static let fixAllKind = "source.fixAll.replykit"

    /// A quick fix for each fixable finding in the range whose fix `--fix` would make (the same
    /// edits, refused where `--fix` refuses them), and `source.fixAll.replykit`: what `--fix` makes
    /// of the whole file.
    func codeActions(_ params: Params) throws(RPCError) -> JSONValue {
        let uri = try params.uri
        let path = try workspacePath(uri)
        guard let workspace, let document = documents[path] ?? workspace.source(path).map({
            Document(uri: uri, path: path, version: nil, text: $0.bytes)
        }), let (folder, pack) = workspace.pack(at: path), let brand = folder.brand else { return .array([]) }
        let range = LSPRange(start: try Params(params.value["range"]).position("start"),
                             end: try Params(params.value["range"]).position("end"))
        let only = params.value["context", "only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let lines = document.lines
        // The findings were made from the text the workspace read last, which is the document's.
        guard workspace.source(path)?.bytes == document.bytes else { return .array([]) }
        let presenter = presenter(workspace)
        var actions: [JSONValue] = []
        let fixable = workspace.diagnostics(of: path).filter(\.isFixable)
        if wanted("quickfix"), !fixable.isEmpty {
            let check = Fixer.fix(bytes: document.bytes, path: path, brand: brand, brandID: folder.id,
                                  fileLocale: pack.fileLocale, catalogue: workspace.catalogue,
                                  configuration: workspace.configuration, limits: options.limits, maxRounds: 0)
            let refused = Set(check.withheld.map { "\($0.rule) \($0.range.start.offset) \($0.range.end.offset)" })
            for diagnostic in fixable {
                guard let found = diagnostic.range, let edits = diagnostic.fix else { continue }
                let shown = lines.range(found)
                guard shown.start <= range.end, range.start <= shown.end,
                      !refused.contains("\(diagnostic.rule) \(found.start.offset) \(found.end.offset)") else { continue }
                actions.append(.object([
                    ("title", .string("Fix `\(diagnostic.rule)`: \(diagnostic.message)")),
                    ("kind", .string("quickfix")),
                    ("diagnostics", .array([presenter.json(diagnostic, lines: lines)])),
                    ("isPreferred", .bool(true)),
                    ("edit", workspaceEdit(uri, edits.map { (lines.range($0.range), $0.replacement) })),
                ]))
            }
        }
        if wanted(Self.fixAllKind), !fixable.isEmpty {
            let fixed = Fixer.fix(bytes: document.bytes, path: path, brand: brand, brandID: folder.id,
                                  fileLocale: pack.fileLocale, catalogue: workspace.catalogue,
                                  configuration: workspace.configuration, limits: options.limits)
            if fixed.applied > 0, let edit = Self.difference(document.bytes, fixed.bytes) {
                actions.append(.object([
                    ("title", .string("Fix all ReplyKit problems that can be fixed safely (\(fixed.applied))")),
                    ("kind", .string(Self.fixAllKind)),
                    ("edit", workspaceEdit(uri, [(lines.range(bytes: edit.range), edit.replacement)])),
                ]))
            }
        }
        return .array(actions)
    }

    func workspaceEdit(_ uri: String, _ edits: [(LSPRange, String)]) -> JSONValue {
        .object([("changes", .object([(uri, .array(edits.map {
            .object([("range", $0.0.json), ("newText", .string($0.1))])
        }))]))])
    }

    /// One edit that turns `old` into `new`: the bytes between their common start and end. Whole
    /// characters only, so that the range converts to UTF-16 positions exactly.
    static func difference(_ old: [UInt8], _ new: [UInt8]) -> (range: Range<Int>, replacement: String)? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        func splits(_ bytes: [UInt8], _ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
        while prefix > 0, splits(old, prefix) || splits(new, prefix) { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        while suffix > 0, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        return (prefix..<old.count - suffix, String(decoding: new[prefix..<new.count - suffix], as: UTF8.self))
    }
}
