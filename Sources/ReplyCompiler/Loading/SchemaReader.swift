public import ReplyKit
package import ReplyKitSupport

/// Reads YAML nodes by the schema of pack-format.md, collecting `schema` and `duplicate-key`
/// diagnostics instead of throwing: whatever can be read is returned.
struct SchemaReader {
    let file: String
    var brand: String?
    var locale: String?
    var template: String?
    private(set) var diagnostics: [Diagnostic] = []
    private let source: SourceFile

    init(source: SourceFile, brand: String?, locale: String? = nil) {
        self.file = source.path
        self.source = source
        self.brand = brand
        self.locale = locale
    }

    mutating func report(_ message: String, at range: SourceRange?, notes: [String] = [], help: String? = nil,
                         rule: String = "schema") {
        diagnostics.append(Diagnostic(rule: rule, severity: .error, message: message, file: file, range: range,
                                      notes: notes, help: help, brand: brand, locale: locale, template: template))
    }

    // MARK: Mappings

    /// The pairs of a mapping with string keys, first occurrence of each key only. Reports a node that
    /// is not a mapping, non-string keys and duplicate keys.
    mutating func mapping(_ node: YAMLValue, _ what: @autoclosure () -> String) -> [YAMLValue.Pair]? {
        guard let pairs = node.mapping else {
            if node.isNull {
                report("\(what()) is empty", at: node.range, help: "write a mapping of keys and values under it")
            } else {
                report("\(what()) must be a mapping, found \(kindName(node))", at: node.range)
            }
            return nil
        }
        return firstOccurrences(pairs, in: what())
    }

    /// The pairs with string keys, the first occurrence of each key only: the one place that reports
    /// repeated keys (`duplicate-key`, noting the first) and keys that are not strings.
    mutating func firstOccurrences(_ pairs: [YAMLValue.Pair], in what: @autoclosure () -> String) -> [YAMLValue.Pair] {
        // Few keys (a template's fields) are compared with each other; many (a pack's templates)
        // are looked up in a table.
        var table = pairs.count > 16 ? StringTable<Int>(capacity: pairs.count) : nil
        var result: [YAMLValue.Pair] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.name, Self.isStringKey(pair.key) else {
                reportNonStringKey(pair.key)
                continue
            }
            let first: Int? = if table != nil { table![key] } else { result.firstIndex { $0.name == key } }
            if let first {
                reportDuplicateKey(key, at: pair.key.range, first: result[first].key.range, in: what())
                continue
            }
            _ = table?.insert(key, result.count)
            result.append(pair)
        }
        return result
    }

    /// The text of a mapping's key if it is a string; reports it otherwise.
    mutating func stringKey(_ key: YAMLValue) -> String? {
        guard Self.isStringKey(key), let text = key.scalar else {
            reportNonStringKey(key)
            return nil
        }
        return text
    }

    private mutating func reportNonStringKey(_ key: YAMLValue) {
        report("keys must be strings, found \(kindName(key))", at: key.range)
    }

    /// Reports the second occurrence of a key in one mapping.
    mutating func reportDuplicateKey(_ key: String, at range: SourceRange, first: SourceRange, in what: String) {
        report("duplicate key `\(key)` in \(what)", at: range, notes: ["first defined at \(file):\(first.start)"],
               help: "remove one of them: YAML keeps only one value for a key", rule: "duplicate-key")
    }

    private static func isStringKey(_ key: YAMLValue) -> Bool {
        key.isScalar && (!key.hasTag || key.tag == "tag:yaml.org,2002:str")
    }

    // MARK: Scalars

    /// A string scalar. Nulls and collections are reported (with the quoting hint for `{`).
    mutating func string(_ node: YAMLValue, _ what: @autoclosure () -> String, allowEmpty: Bool = false) -> Located<String>? {
        stringValue(node, what(), allowEmpty: allowEmpty).map { Located($0, range: node.range) }
    }

    /// A string scalar without its range, for values the model keeps without one.
    mutating func stringValue(_ node: YAMLValue, _ what: @autoclosure () -> String, allowEmpty: Bool = false) -> String? {
        if node.isNull {
            if allowEmpty { return "" }
            report("\(what()) has no value", at: node.range)
            return nil
        }
        guard let text = node.scalar else {
            reportNotScalar(node, what())
            return nil
        }
        return text
    }

    /// A text scalar that keeps its style, for template text and prefills.
    mutating func text(_ node: YAMLValue, _ what: @autoclosure () -> String) -> TemplateText? {
        if node.isNull { return TemplateText(value: "", range: node.range, style: .plain) }
        guard let value = node.scalar, let style = node.scalarStyle else {
            reportNotScalar(node, what())
            return nil
        }
        return TemplateText(value: value, range: node.range, style: style)
    }

    private mutating func reportNotScalar(_ node: YAMLValue, _ what: @autoclosure () -> String) {
        if node.isMapping, byte(at: node.range.start) == UInt8(ascii: "{") {
            report("\(what()) must be a string, but YAML read a mapping because the text starts with `{`",
                   at: node.range,
                   notes: ["a plain YAML scalar cannot start with `{`: YAML reads `{...}` as a flow mapping"],
                   help: "quote the text: put it in double quotes, or use a block scalar (`>-`)")
        } else {
            report("\(what()) must be a string, found \(kindName(node))", at: node.range)
        }
    }

    /// `true` or `false`, nothing else (no YAML 1.1 `yes`/`on`).
    mutating func bool(_ node: YAMLValue, _ what: @autoclosure () -> String) -> Located<Bool>? {
        guard let flag = node.plainBool else {
            report("\(what()) must be `true` or `false`, found \(kindName(node))", at: node.range)
            return nil
        }
        return Located(flag, range: node.range)
    }

    /// A plain integer (`-12`, `280`) within `bound` (one of ``PackLimits``), nothing else. A value
    /// outside it, however many digits it has, is reported with the bound and its reason.
    mutating func integer(_ node: YAMLValue, _ what: @autoclosure () -> String, within bound: PackLimits.Bound)
        -> Located<Int>?
    {
        guard let text = node.scalar, node.scalarStyle == .plain, Self.isIntegerText(text) else {
            report("\(what()) must be an integer, found \(kindName(node))", at: node.range)
            return nil
        }
        // Too many digits for an `Int` is outside the bound too.
        guard let value = Int(text), bound.contains(value) else {
            let shown = text.utf8.count > 30 ? String(text.prefix(30)) + "…" : text
            report("\(what()) must be within \(bound.text), found \(shown)", at: node.range, notes: [bound.reason])
            return nil
        }
        return Located(value, range: node.range)
    }

    private static func isIntegerText(_ text: String) -> Bool { ReplyValue.isIntegerText(text) }

    static func parseInteger(_ text: String) -> Int? { ReplyValue.parseInteger(text) }

    /// A sequence of strings; a single scalar is reported.
    mutating func strings(_ node: YAMLValue, _ what: @autoclosure () -> String) -> [Located<String>]? {
        guard let items = list(node, what()) else { return nil }
        // Sized up front: `compactMap` would grow the array item by item.
        var strings: [Located<String>] = []
        strings.reserveCapacity(items.count)
        for item in items {
            if let string = string(item, "an item of \(what())") { strings.append(string) }
        }
        return strings
    }

    /// A sequence of strings without their ranges; a single scalar is reported.
    mutating func stringValues(_ node: YAMLValue, _ what: @autoclosure () -> String) -> [String]? {
        guard let items = list(node, what()) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            if let string = stringValue(item, "an item of \(what())") { strings.append(string) }
        }
        return strings
    }

    /// The items of a sequence; anything else is reported.
    private mutating func list(_ node: YAMLValue, _ what: @autoclosure () -> String) -> YAMLValue.Children? {
        guard let items = node.sequence else {
            report("\(what()) must be a list, found \(kindName(node))", at: node.range,
                   help: node.scalar.map { "write it as a list: `[\($0)]`" })
            return nil
        }
        return items
    }

    /// An id matching `[a-z0-9]+(-[a-z0-9]+)*`.
    mutating func identifier(_ node: YAMLValue, _ what: @autoclosure () -> String) -> Located<String>? {
        guard let value = string(node, what()) else { return nil }
        return identifier(value, what())
    }

    /// An id already read as a string (a mapping's key).
    mutating func identifier(_ value: Located<String>, _ what: @autoclosure () -> String) -> Located<String>? {
        guard Self.isIdentifier(value.value) else {
            report("\(what()) `\(value.value)` is not a valid id", at: value.range,
                   notes: ["ids are lowercase letters and digits in words joined by `-`: `refund-delay`"])
            return nil
        }
        return value
    }

    static func isIdentifier(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var previousWasDash = true
            for byte in bytes {
                if byte == UInt8(ascii: "-") {
                    if previousWasDash { return false }
                    previousWasDash = true
                } else if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    previousWasDash = false
                } else {
                    return false
                }
            }
            return !bytes.isEmpty && !previousWasDash
        }
    }

    /// A BCP 47 tag; a tag not written canonically is reported (and still returned).
    mutating func localeTag(_ node: YAMLValue, _ what: @autoclosure () -> String) -> Located<LocaleTag>? {
        guard let value = string(node, what()) else { return nil }
        return localeTag(value, what())
    }

    /// A BCP 47 tag from a string already read (an item of a list).
    mutating func localeTag(_ value: Located<String>, _ what: @autoclosure () -> String) -> Located<LocaleTag>? {
        guard let tag = LocaleTag(value.value) else {
            report("\(what()) `\(value.value)` is not a BCP 47 language tag", at: value.range,
                   notes: ["examples: `en`, `es-MX`, `zh-Hant-TW`"])
            return nil
        }
        if tag.canonical != value.value {
            report("\(what()) `\(value.value)` is not written canonically", at: value.range,
                   help: "write `\(tag.canonical)`")
        }
        return Located(tag, range: value.range)
    }

    /// A date or date-time with offset, as seconds since 1970.
    mutating func date(_ node: YAMLValue, _ what: @autoclosure () -> String) -> Located<Double>? {
        guard let value = string(node, what()) else { return nil }
        guard let seconds = ISODate.parse(value.value) else {
            report("\(what()) `\(value.value)` is not an ISO 8601 date or date-time", at: node.range,
                   notes: ["write `2026-12-01` (00:00 UTC) or `2026-12-15T23:59:59-05:00`"])
            return nil
        }
        return Located(seconds, range: node.range)
    }

    // MARK: Helpers

    func kindName(_ node: YAMLValue) -> String {
        guard let text = node.scalar, let style = node.scalarStyle else {
            return node.isMapping ? "a mapping" : "a list"
        }
        if node.isNull { return "nothing" }
        if style == .plain, Self.isIntegerText(text) { return "the number `\(text)`" }
        if style == .plain, ["true", "false"].contains(text) { return "`\(text)`" }
        let shown = text.count > 30 ? String(text.prefix(30)) + "…" : text
        return "the string `\(shown.replacingNewlines())`"
    }

    /// The first line of a node's range: for a mapping, where a missing key would be reported.
    func headRange(_ node: YAMLValue) -> SourceRange {
        let range = node.range
        if range.start.line == range.end.line { return range }
        return SourceRange(start: range.start, end: source.lines.endOfLine(range.start.line))
    }

    private func byte(at location: SourceLocation) -> UInt8? {
        location.offset < source.bytes.count ? source.bytes[location.offset] : nil
    }
}

extension String {
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? "⏎" : Character($0) })
    }
}
