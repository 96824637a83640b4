import ReplyCompiler

/// The keys of each `select` of a message, by variable: a translation must offer the same choices
/// as its source, or a value would fall to `other` in one language and not in the other. Lint
/// compares variables across locales, not select keys, so the import holds translations to this.
struct SelectKeys: Sendable, Hashable {
    var keys: [String: Set<String>]

    init(_ message: Message) {
        var keys: [String: Set<String>] = [:]
        message.forEachArgument { argument, part in
            if case .select(_, let branches) = part {
                keys[argument.name, default: []].formUnion(branches.map { "\($0.key)" })
            }
        }
        self.keys = keys
    }

    /// Why `target` does not offer the choices of `source`; nil when it does, or either does not
    /// parse (template syntax is lint's to report).
    static func mismatch(source: String, target: String) -> String? {
        guard let sourceMessage = try? MessageParser.parse(source), let targetMessage = try? MessageParser.parse(target) else { return nil }
        let was = SelectKeys(sourceMessage).keys, now = SelectKeys(targetMessage).keys
        for name in Set(was.keys).union(now.keys).sorted() {
            let a = was[name] ?? [], b = now[name] ?? []
            guard a != b else { continue }
            let missing = a.subtracting(b).sorted(), extra = b.subtracting(a).sorted()
            var parts: [String] = []
            if !missing.isEmpty { parts.append("lacks \(missing.map { "`\($0)`" }.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("adds \(extra.map { "`\($0)`" }.joined(separator: ", "))") }
            return "the select on `\(name)` \(parts.joined(separator: " and ")) compared with the source"
        }
        return nil
    }
}
