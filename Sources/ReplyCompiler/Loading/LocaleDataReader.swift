public import ReplyKit
package import ReplyKitSupport
/// Reads a locale data file (`locales/<tag>.yaml`) by the schema of pack-format.md.
///
/// Problems with the plural rules are `locale-data` diagnostics at the rule's exact position; other
/// problems are `schema` ones. Whatever could be read is returned.
enum LocaleDataReader {
    enum Key: String, SchemaKey { case locale, name, parent, direction, plural, terms, copy_safety }
    // From the definitions in LocaleDataReader+Schema.swift, which `replykit schema locale` prints.
    static let keys = KeySet(schema)
    static let termKeys = KeySet(termsSchema)

    struct Result: Sendable {
        var data: LocaleData?
        var diagnostics: [Diagnostic]
    }

    static func read(_ source: SourceFile, limits: YAMLLimits = .default) -> Result {
        let document: YAMLDocument?
        do {
            document = try YAMLParser.document(source, limits: limits)
        } catch {
            return Result(data: nil, diagnostics: [error.diagnostic(file: source, brand: nil, locale: nil)])
        }
        return YAMLDocument.read(document) { read($0, source: source) }
    }

    private static func read(_ root: YAMLValue?, source: SourceFile) -> Result {
        var reader = SchemaReader(source: source, brand: nil)
        guard let root else {
            reader.report("the locale data file is empty", at: nil, help: "start it with `locale:`")
            return Result(data: nil, diagnostics: reader.diagnostics)
        }
        guard let fields = reader.fields(root, keys, "the locale data") else {
            return Result(data: nil, diagnostics: reader.diagnostics)
        }
        guard let tagNode = fields.first(where: { $0.key == .locale })?.value, let tag = reader.localeTag(tagNode, "`locale`") else {
            return Result(data: nil, diagnostics: reader.diagnostics)
        }
        let fileName = PathText.lastComponent(source.path).replacing(".yaml", with: "")
        if let named = LocaleTag(fileName.replacing("built-in:", with: "")), named != tag.value {
            reader.report("the locale data's locale `\(tag.value)` does not match its file name `\(fileName).yaml`",
                          at: tagNode.range)
        }
        reader.locale = tag.value.canonical
        var data = LocaleData(tag: tag.value, file: source.path)
        for field in fields {
            switch field.key {
            case .locale: break
            case .name: data.name = reader.string(field.value, "`name`")?.value
            case .parent: data.parent = reader.localeTag(field.value, "`parent`")
            case .direction:
                guard let text = reader.string(field.value, "`direction`") else { continue }
                guard let direction = LocaleData.Direction(rawValue: text.value) else {
                    reader.report("`direction` must be \(schema[.direction].alternatives), found `\(text.value)`",
                                  at: field.value.range)
                    continue
                }
                data.direction = direction
            case .plural: data.plural = readPlural(field.value, source: source, reader: &reader)
            case .copy_safety: data.copySafety = readCopySafety(field.value, reader: &reader)
            case .terms:
                guard let lists = reader.fields(field.value, termKeys, "`terms`") else { continue }
                for list in lists {
                    let name = list.key.rawValue
                    guard let items = reader.strings(list.value, "`terms.\(name)`") else { continue }
                    data.terms[name] = items.map(\.value).filter { !$0.isEmpty }
                }
            }
        }
        return Result(data: data, diagnostics: reader.diagnostics)
    }

    private static func readPlural(_ node: YAMLValue, source: SourceFile, reader: inout SchemaReader) -> PluralRules? {
        // `plural: {}` is a language with only `other`.
        guard let pairs = reader.mapping(node, "`plural`") else { return nil }
        var rules: [(PluralCategory, PluralRule)] = []
        var valid = true
        for pair in pairs {
            guard let name = pair.name else { continue }
            guard let category = PluralCategory(rawValue: name) else {
                let suggestion = DidYouMean.suggestion(for: name, among: PluralCategory.allCases.map(\.rawValue))
                reader.report("`\(name)` is not a CLDR plural category", at: pair.key.range,
                              notes: ["categories: zero, one, two, few, many (other is implicit)"],
                              help: suggestion.map { "did you mean `\($0)`?" }, rule: "locale-data")
                valid = false
                continue
            }
            if category == .other {
                reader.report("`other` takes every number the other rules leave: it has no rule", at: pair.key.range,
                              help: "remove the `other` line", rule: "locale-data")
                continue
            }
            guard let text = reader.text(pair.value, "the `\(name)` rule") else { valid = false; continue }
            do {
                rules.append((category, try PluralRule(text.value)))
            } catch {
                let range = ScalarSourceMap(text, in: source).range(error.span)
                reader.report("the `\(name)` plural rule does not parse: \(error.message)", at: range,
                              notes: ["rules are CLDR's syntax: `i = 1 and v = 0`, `n % 100 = 3..10`"],
                              rule: "locale-data")
                valid = false
            }
        }
        return valid ? PluralRules(rules) : nil
    }
}

extension LocaleData.TermList: SchemaKey {}
