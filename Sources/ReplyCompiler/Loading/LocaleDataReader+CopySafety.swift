public import ReplyKit
package import ReplyKitSupport

extension LocaleDataReader {
    enum CopySafetyKey: String, SchemaKey {
        case word_order, late_negation, replace, `private`, secrets, implicit, redirects, asks, asks_back, contact, contact_pages
        case negations, brand, elsewhere, statements, clause_breaks
    }
    static let copySafetyKeys = KeySet(copySafetySchema)

    /// Reads `copy_safety:`. Categories that are not kebab-case, redirect categories without the
    /// `redirect-` prefix, a category that is both private and secret, and phrases that could not
    /// match safely (one character, or spaces at either end) are `locale-data` errors.
    static func readCopySafety(_ node: YAMLValue, reader: inout SchemaReader) -> CopySafetyData? {
        guard let fields = reader.fields(node, copySafetyKeys, "`copy_safety`") else { return nil }
        var data = CopySafetyData()
        for field in fields {
            let name = "copy_safety.\(field.key.rawValue)"
            switch field.key {
            case .word_order:
                guard let text = reader.string(field.value, "`\(name)`") else { continue }
                guard let order = CopySafetyData.WordOrder(rawValue: text.value) else {
                    reader.report("`\(name)` must be \(copySafetySchema[.word_order].alternatives), found `\(text.value)`",
                                  at: text.range,
                                  rule: "locale-data")
                    continue
                }
                data.wordOrder = order
            case .late_negation: data.lateNegationSetting = reader.bool(field.value, "`\(name)`")?.value
            case .replace: data.replacesInherited = reader.bool(field.value, "`\(name)`")?.value ?? false
            case .private: data.privateItems = items(field.value, name, reader: &reader)
            case .secrets: data.secrets = items(field.value, name, reader: &reader)
            case .implicit: data.implicit = items(field.value, name, reader: &reader)
            case .redirects:
                data.redirects = items(field.value, name, reader: &reader, prefix: redirectPrefix)
            case .asks: data.asks = phrases(field.value, name, reader: &reader)
            case .asks_back: data.asksBack = phrases(field.value, name, reader: &reader)
            case .contact: data.contact = phrases(field.value, name, reader: &reader)
            case .contact_pages: data.contactPages = phrases(field.value, name, reader: &reader)
            case .negations: data.negations = phrases(field.value, name, reader: &reader)
            case .brand: data.brandActs = phrases(field.value, name, reader: &reader)
            case .elsewhere: data.elsewhere = phrases(field.value, name, reader: &reader)
            case .statements: data.statements = phrases(field.value, name, reader: &reader)
            case .clause_breaks: data.clauseBreaks = phrases(field.value, name, reader: &reader)
            }
        }
        let secretCategories = Set(data.secrets.map(\.category))
        for item in data.privateItems where secretCategories.contains(item.category) {
            reader.report("`\(item.category)` is both private information and a secret", at: node.range,
                          notes: ["private information may be asked for in DMs; a secret never"],
                          help: "keep it under one of `private` and `secrets`", rule: "locale-data")
        }
        return data
    }

    /// A mapping of kebab-case categories to lists of phrases.
    private static func items(_ node: YAMLValue, _ what: String, reader: inout SchemaReader, prefix: String = "") -> [CopySafetyData.Item] {
        guard let pairs = reader.mapping(node, "`\(what)`") else { return [] }
        var items: [CopySafetyData.Item] = []
        for pair in pairs {
            guard let category = pair.name else { continue }
            let kebab = !category.isEmpty && category.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
                && category.first != "-" && category.last != "-"
            guard kebab && category.hasPrefix(prefix) && category.count > prefix.count else {
                reader.report("`\(category)` is not a category name\(prefix.isEmpty ? "" : " starting with `\(prefix)`")", at: pair.key.range,
                              notes: ["categories are lowercase words joined by hyphens: `order-number`, `redirect-phone`"],
                              rule: "locale-data")
                continue
            }
            items.append(CopySafetyData.Item(category: category, names: phrases(pair.value, "\(what).\(category)", reader: &reader)))
        }
        return items
    }

    /// A list of phrases that can be matched: two characters at least, no spaces at either end.
    private static func phrases(_ node: YAMLValue, _ what: String, reader: inout SchemaReader) -> [String] {
        guard let items = reader.strings(node, "`\(what)`") else { return [] }
        var phrases: [String] = []
        for item in items {
            let text = item.value
            if text.unicodeScalars.count < 2 {
                reader.report("`\(text)` in `\(what)` is too short to match: one character is part of too many words",
                              at: item.range, help: "write the word it belongs to", rule: "locale-data")
            } else if text.unicodeScalars.first?.properties.isWhitespace == true || text.unicodeScalars.last?.properties.isWhitespace == true {
                reader.report("`\(text)` in `\(what)` starts or ends with a space", at: item.range,
                              notes: ["phrases match on word boundaries already"], help: "remove the spaces", rule: "locale-data")
            } else {
                phrases.append(text)
            }
        }
        return phrases
    }
}
