import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Check (a) of a fix: the edited file, read again with the project's YAML parser and pack reader,
/// holds exactly the intended text in each edited field, and every other value of the document as
/// it was, byte for byte, with the same scalar styles and tags.
package struct DocumentCheck: Sendable {
    /// What an edited field must read afterwards.
    package struct Target: Sendable {
        package var field: TextField
        /// Where the field's scalar starts in the file before the edit: how its node is found.
        package var scalarOffset: Int
        /// The scalar's style after the edit (a fix keeps it; an import may quote a text).
        package var style: YAMLNode.ScalarStyle
        package var intended: String

        package init(field: TextField, scalarOffset: Int, style: YAMLNode.ScalarStyle, intended: String) {
            self.field = field
            self.scalarOffset = scalarOffset
            self.style = style
            self.intended = intended
        }
    }

    let path: String
    let brand: String
    let fileLocale: LocaleTag?
    let loader: RepositoryLoader
    /// The document and the pack before the edit.
    let tree: YAMLNode?
    let pack: LocalePack
    let readingMessages: [String]

    package init(bytes: [UInt8], path: String, brand: String, fileLocale: LocaleTag?, loader: RepositoryLoader,
         pack: LocalePack, readingDiagnostics: [Diagnostic]) {
        self.path = path
        self.brand = brand
        self.fileLocale = fileLocale
        self.loader = loader
        self.tree = (try? YAMLParser.parse(bytes, limits: loader.limits)) ?? nil
        self.pack = pack
        self.readingMessages = readingDiagnostics.map(\.message).sorted()
    }

    /// Why `bytes` do not read as the document with the targets' texts; nil when they do.
    package func refusal(_ bytes: [UInt8], targets: [Target]) -> FixRefusal? {
        guard let consequence = difference(bytes, targets: targets) else { return nil }
        // In double quotes a text reads as written, whatever it holds: what YAML read wrongly in a
        // plain or block scalar, `--fix` can fix there.
        let quoted = targets.allSatisfy { $0.style == .doubleQuoted || $0.style == .singleQuoted }
        return FixRefusal(consequence: consequence, help: quoted ? FixRefusal.byHand : FixRefusal.quoteHelp)
    }

    private func difference(_ bytes: [UInt8], targets: [Target]) -> String? {
        guard let tree else { return "would leave a file that cannot be compared" }
        let newTree: YAMLNode
        do {
            guard let parsed = try YAMLParser.parse(bytes, limits: loader.limits) else {
                return "would leave the file without a YAML document"
            }
            newTree = parsed
        } catch {
            return "would break the YAML file (\(error.message), line \(error.location.line))"
        }
        let byOffset = Dictionary(targets.map { ($0.scalarOffset, (text: $0.intended, style: $0.style)) }, uniquingKeysWith: { first, _ in first })
        var found: [(was: String, now: String, style: YAMLNode.ScalarStyle)] = []
        if let problem = Self.difference(tree, newTree, targets: byOffset, found: &found, path: []) { return problem }
        guard found.count == byOffset.count else { return "would edit a text that YAML reads through an alias" }
        if let problem = packDifference(bytes, targets: targets) { return problem }
        // ReplyKit reads any scalar under `text` as text; other tools resolve plain scalars.
        for (was, now, style) in found where style == .plain {
            if let type = PlainScalar.type(of: now), PlainScalar.type(of: was) != type {
                return now.isEmpty ? "would leave the plain scalar empty, which YAML tools read as null, not text"
                    : "would leave `\(now)` unquoted, which YAML tools read as \(type), not text"
            }
        }
        return nil
    }

    /// The first difference between two documents, targets aside; collects the targets met.
    /// `path`: the keys and indexes down to the nodes, for messages.
    private static func difference(_ old: YAMLNode, _ new: YAMLNode, targets: [Int: (text: String, style: YAMLNode.ScalarStyle)],
                                   found: inout [(was: String, now: String, style: YAMLNode.ScalarStyle)],
                                   path: [String]) -> String? {
        func named(_ what: String) -> String {
            path.isEmpty ? what : "\(what) (`\(path.joined(separator: "."))`)"
        }
        switch (old.content, new.content) {
        case (.scalar(let was, let style), .scalar(let now, let newStyle)):
            guard let intended = targets[old.range.start.offset] else {
                guard was.utf8.elementsEqual(now.utf8), style == newStyle, old.tag == new.tag else {
                    return named("would change another value of the file")
                }
                return nil
            }
            found.append((was, now, newStyle))
            if new.tag != old.tag, let tag = new.tag {
                return "would make YAML read `\(tag)` as a tag"
            }
            if intended.style != newStyle {
                return "would make YAML read the text as a different kind of scalar"
            }
            if !now.utf8.elementsEqual(intended.text.utf8) {
                return readDifference(intended: intended.text, read: now, style: newStyle)
            }
            return nil
        case (.sequence(let was), .sequence(let now)):
            guard was.count == now.count, old.tag == new.tag else { return named("would change the structure of the file") }
            for (index, (a, b)) in zip(was, now).enumerated() {
                if let problem = difference(a, b, targets: targets, found: &found, path: path + ["\(index)"]) { return problem }
            }
            return nil
        case (.mapping(let was), .mapping(let now)):
            guard was.count == now.count, old.tag == new.tag else { return named("would change the structure of the file") }
            for (a, b) in zip(was, now) {
                if let problem = difference(a.key, b.key, targets: targets, found: &found, path: path) { return problem }
                let key = a.key.scalar.map { MessageShape.visible($0) } ?? "?"
                if let problem = difference(a.value, b.value, targets: targets, found: &found, path: path + [key]) { return problem }
            }
            return nil
        default:
            return named("would change the structure of the file")
        }
    }

    /// Says how the text YAML reads differs from the intended one.
    private static func readDifference(intended: String, read: String, style: YAMLNode.ScalarStyle) -> String {
        let readBytes = Array(read.utf8), intendedBytes = Array(intended.utf8)
        switch style {
        case .plain:
            if intendedBytes.starts(with: readBytes) {
                let rest = intendedBytes[readBytes.count...].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
                if rest.first == UInt8(ascii: "#") {
                    return "would make YAML read `\(MessageShape.visible(String(decoding: rest.prefix(12), as: UTF8.self)))…` as a comment"
                }
            }
            if let first = intendedBytes.first, "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) {
                return "would start a plain scalar with `\(Character(Unicode.Scalar(first)))`, which YAML reads as syntax"
            }
            let trimmed = intended.trimmingSpaces
            if read.utf8.elementsEqual(trimmed.utf8) {
                return "would leave spaces at the \(intended.first == " " || intended.first == "\t" ? "start" : "end") of a plain scalar, which YAML drops"
            }
        case .literal, .folded:
            return "would change the block's indentation or folding, and with it the text"
        case .singleQuoted, .doubleQuoted:
            break
        }
        return "would make the file read `\(MessageShape.visible(read))` instead of `\(MessageShape.visible(intended))`"
    }

    /// The pack read from `bytes` must hold the same templates and texts, the targets' intended.
    private func packDifference(_ bytes: [UInt8], targets: [Target]) -> String? {
        let (read, diagnostics) = loader.readPack(SourceFile(path: path, bytes: bytes), brand: brand, fileLocale: fileLocale)
        guard let read else { return "would leave a pack that cannot be read" }
        guard read.templates.count == pack.templates.count else { return "would change the templates of the pack" }
        let intended = Dictionary(targets.map { ($0.field, $0.intended) }, uniquingKeysWith: { first, _ in first })
        for (index, (was, now)) in zip(pack.templates, read.templates).enumerated() {
            guard was.id.value == now.id.value, was.variants.count == now.variants.count,
                  (was.dm?.prefill == nil) == (now.dm?.prefill == nil) else {
                return "would change the template `\(was.id.value)`"
            }
            let fields = was.variants.indices.map { TextField(template: index, variant: $0) }
                + (was.dm?.prefill == nil ? [] : [TextField(template: index, variant: nil)])
            for field in fields {
                guard let before = field.text(in: pack)?.value, let after = field.text(in: read)?.value else { continue }
                let expected = intended[field] ?? before
                if !after.utf8.elementsEqual(expected.utf8) {
                    return "would make the pack read `\(MessageShape.visible(after))` instead of `\(MessageShape.visible(expected))`"
                }
            }
        }
        if diagnostics.map(\.message).sorted() != readingMessages {
            let new = Set(diagnostics.map(\.message)).subtracting(readingMessages).sorted().first
            return "would change how the pack reads\(new.map { " (\($0))" } ?? "")"
        }
        return nil
    }
}

extension String {
    /// The text without spaces and tabs at either end.
    fileprivate var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
