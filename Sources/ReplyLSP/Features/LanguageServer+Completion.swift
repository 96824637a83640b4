import Foundation
internal import ReplyCompiler
internal import ReplyKit
internal import ReplyKitSupport

extension LanguageServer {
    /// What the text before the cursor on its line asks for.
    enum CompletionContext: Equatable {
        case variable, argumentKind, pluralCategory(variable: String), followUp, campaign, rule, locale
    }

    /// Variables after `{`, `plural`/`select` after `{name, `, the locale's plural categories in a
    /// plural, template ids after `follow_up:`, campaign ids under `campaigns:`, rule ids in
    /// `disable`, locale tags after `locale:` (and in brand.yaml's locale keys).
    func completion(_ params: Params) throws(RPCError) -> JSONValue {
        let path = try workspacePath(try params.uri)
        let position = try params.position()
        guard let workspace, let (_, folder) = workspace.brandFolder(of: path) else { return .array([]) }
        let bytes = documents[path]?.bytes ?? workspace.source(path)?.bytes ?? []
        let lines = LineTable(bytes)
        let offset = lines.offset(of: position)
        let start = lines.lineStart(position.line)
        let prefix = String(decoding: bytes[min(start, offset)..<offset], as: UTF8.self)
        let previous = (0..<position.line).reversed().lazy.map { String(decoding: lines.lineBytes($0), as: UTF8.self) }
        guard let context = Self.completionContext(prefix, previousLines: previous) else { return .array([]) }
        func item(_ label: String, kind: Int, detail: String? = nil) -> JSONValue {
            var fields: [(String, JSONValue)] = [("label", .string(label)), ("kind", .int(kind))]
            if let detail { fields.append(("detail", .string(detail))) }
            return .object(fields)
        }
        let pack = folder.packs.first { $0.file == path }
        var items: [JSONValue] = []
        switch context {
        case .variable:
            items = (folder.brand?.variables ?? []).map { item($0.name.value, kind: 6, detail: $0.typeName) }
        case .argumentKind:
            items = [item("plural", kind: 14, detail: "branches by the locale's plural categories"),
                     item("select", kind: 14, detail: "branches by a choice variable's values")]
        case .pluralCategory:
            let categories = pack?.tag.flatMap { workspace.repository.locales.resolve($0)?.plural.categories }
                ?? [.other]
            items = categories.map { item($0.rawValue, kind: 20, detail: "plural category of \(pack?.tag?.canonical ?? "the locale")") }
        case .followUp:
            items = (pack?.templates ?? []).map { item($0.id.value, kind: 18, detail: "template") }
        case .campaign:
            items = (folder.brand?.campaigns ?? []).map { item($0.id.value, kind: 3, detail: $0.status.map { "campaign, \($0.value.rawValue)" } ?? "campaign") }
        case .rule:
            items = workspace.catalogue.rules.filter { !$0.description.isMandatory }.map { item($0.id, kind: 12, detail: $0.description.summary) }
        case .locale:
            items = workspace.repository.locales.files.values.map(\.tag.canonical).sorted().map { item($0, kind: 12, detail: "locale") }
        }
        return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
    }

    /// The context of the text before the cursor (`prefix`), with the lines above it, nearest first.
    static func completionContext(_ prefix: String, previousLines: some Sequence<String>) -> CompletionContext? {
        let trimmed = prefix.drop { $0 == " " }
        let indent = prefix.count - trimmed.count
        func isWord(_ text: Substring) -> Bool { text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
        for key in ["follow_up:", "locale:", "default_locale:", "fallback_locale:"] where trimmed.hasPrefix(key) {
            let value = trimmed.dropFirst(key.count).drop { $0 == " " }
            guard isWord(value) else { return nil }
            return key == "follow_up:" ? .followUp : .locale
        }
        if trimmed.hasPrefix("disable:") {
            let value = trimmed.dropFirst("disable:".count)
            return value.contains("[") && !value.contains("]") ? .rule : nil
        }
        // A message: the innermost `{` not yet closed.
        var open: [String.Index] = []
        for index in prefix.indices {
            if prefix[index] == "{" { open.append(index) } else if prefix[index] == "}" { _ = open.popLast() }
        }
        if let brace = open.last {
            let inside = prefix[prefix.index(after: brace)...]
            if inside.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                // `{` right after `key: ` would be YAML's flow mapping, not a message.
                return trimmed.hasSuffix(": {") && inside.isEmpty ? nil : .variable
            }
            let parts = inside.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, isWord(Substring(parts[1])) { return .argumentKind }
            if parts.count == 3, parts[1] == "plural" { return .pluralCategory(variable: parts[0]) }
            return nil
        }
        // A key or list item under `campaigns:` or `disable:`, or a tag under `locales:`.
        let isListItem = trimmed.hasPrefix("- ")
        let word = isListItem ? trimmed.dropFirst(2) : trimmed
        guard isWord(word) else { return nil }
        for line in previousLines {
            let content = line.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let lineIndent = line.count - content.count
            if isListItem, lineIndent > indent || content.hasPrefix("- ") { continue }
            if !isListItem, lineIndent >= indent { continue }
            if content.hasPrefix("campaigns:"), !isListItem, lineIndent < indent { return .campaign }
            if content.hasPrefix("disable:"), isListItem { return .rule }
            if content.hasPrefix("locales:"), isListItem { return .locale }
            return nil
        }
        return nil
    }
}
