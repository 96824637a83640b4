package import ReplyCompiler
package import ReplyKitSupport

/// Lint's findings as LSP diagnostics: the rule id as `code`, a link to the rule's documentation,
/// notes as related information (at the place a note names, when it names one), help after the
/// message, and the `Unnecessary` tag on what can simply go.
package struct DiagnosticPresenter {
    /// The rules' documentation; a rule's link is this with `#<rule id>`.
    package var rulesDocumentation: String
    /// The text of the files the findings were made from, by path.
    package var source: (String) -> SourceFile?
    /// Where a template's id is written in a pack, by pack path and template id.
    package var templateKey: (String, String) -> SourceRange?

    /// The line tables of the files notes point into, made once per presenter.
    private final class LineCache {
        var tables: [String: LineTable] = [:]
        var uris: [String: String] = [:]
        var templateKeys: [String: [String: SourceRange]] = [:]
    }

    private let cache = LineCache()

    package init(rulesDocumentation: String, source: @escaping (String) -> SourceFile?,
                 templateKey: @escaping (String, String) -> SourceRange?) {
        self.rulesDocumentation = rulesDocumentation
        self.source = source
        self.templateKey = templateKey
    }

    private func uri(_ path: String) -> String {
        if let uri = cache.uris[path] { return uri }
        let uri = FileURI.uri(path)
        cache.uris[path] = uri
        return uri
    }

    private func lines(_ path: String, _ file: SourceFile) -> LineTable {
        if let table = cache.tables[path] { return table }
        let table = LineTable(file.bytes)
        cache.tables[path] = table
        return table
    }

    /// Whether `note` holds `.yaml`, which every path of a pack or brand file ends with.
    static func mentionsPack(_ note: String) -> Bool {
        note.utf8.firstRange(of: ".yaml".utf8) != nil
    }

    /// Rules whose findings point at something that could be removed without loss.
    static let unnecessary: Set<String> = ["unused-variable", "obsolete-translation"]

    package func json(_ diagnostic: Diagnostic, lines: LineTable) -> JSONValue {
        let range = diagnostic.range.map(lines.range) ?? LSPRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0))
        let severity = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .info, .off: 3
        }
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        var fields: [(String, JSONValue)] = [
            ("range", range.json), ("severity", .int(severity)), ("code", .string(diagnostic.rule)),
            ("codeDescription", .object([("href", .string("\(rulesDocumentation)#\(diagnostic.rule)"))])),
            ("source", .string("replykit")), ("message", .string(message)),
        ]
        if let file = diagnostic.file, !diagnostic.notes.isEmpty {
            let own = JSONValue.object([("uri", .string(uri(file))), ("range", range.json)])
            fields.append(("relatedInformation", .array(diagnostic.notes.map { note in
                .object([("location", location(of: note, diagnostic) ?? own), ("message", .string(note))])
            })))
        }
        if Self.unnecessary.contains(diagnostic.rule) { fields.append(("tags", .array([.int(1)]))) }
        if diagnostic.isFixable { fields.append(("data", .object([("fixable", .bool(true))]))) }
        return .object(fields)
    }

    /// The place a note names: `PATH:LINE:COLUMN` (the first definition of a duplicate key), or a
    /// pack file that holds the finding's template (the source of a translation).
    func location(of note: String, _ diagnostic: Diagnostic) -> JSONValue? {
        // Both forms name a pack file: most notes name none, and are passed over without
        // splitting them into words.
        guard Self.mentionsPack(note) else { return nil }
        for word in note.split(separator: " ") {
            let parts = word.split(separator: ":")
            if parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) {
                let path = parts.dropLast(2).joined(separator: ":")
                guard let file = source(path) else { continue }
                let lines = lines(path, file)
                let offset = lines.offset(ofLine: line, scalarColumn: column)
                let position = lines.position(ofByte: offset)
                return .object([("uri", .string(uri(path))),
                                ("range", LSPRange(start: position, end: position).json)])
            }
            let path = String(word)
            if let template = diagnostic.template, path.hasSuffix(".yaml"), let file = source(path),
               let range = templateKey(path, template) {
                return .object([("uri", .string(uri(path))), ("range", lines(path, file).range(range).json)])
            }
        }
        return nil
    }
}

extension LineTable {
    /// The byte offset of a 1-based line and a 1-based column counted in Unicode scalars (what
    /// ``SourceLocation`` holds), clamped to the line.
    package func offset(ofLine line: Int, scalarColumn column: Int) -> Int {
        let bytes = lineBytes(line - 1)
        var index = bytes.startIndex
        var scalars = 1
        while index < bytes.endIndex, scalars < column {
            index += 1
            while index < bytes.endIndex, bytes[index] & 0xC0 == 0x80 { index += 1 }
            scalars += 1
        }
        return index
    }
}
