package import ReplyKitSupport
/// The bundle's fields of each compiled type, declared once for writing and reading. Numbers are
/// bounded as a pack's are when read.
extension CompiledBrand: BundleCodable {
    package static var blank: CompiledBrand { CompiledBrand(id: "") }

    package static var fields: [BundleField<CompiledBrand>] {
        [
            .string("id", \.id),
            .int("max_length", \.maxLength, in: PackLimits.brandMaxLength.range),
            .optionalString("user_id", \.userID),
            .bool("dm_open", \.dmOpen),
            .optionalString("handle", \.handle),
            .optionalStrings("allowed_domains", \.allowedDomains),
            .optionalTag("default_locale", \.defaultLocale),
            .optionalTag("fallback_locale", \.fallbackLocale),
            .string("deep_link_host", \.deepLinkHost),
            .string("separator", \.separator),
            .list("variables", \.variableRecords),
            .list("campaigns", \.campaigns),
            BundleField("packs", encode: { brand in
                .array(brand.packs.keys.sorted().map { tag in
                    let templates = brand.packs[tag] ?? [:]
                    return .object([
                        ("locale", .string(tag.canonical)),
                        ("templates", .array(templates.keys.sorted().compactMap { templates[$0].map { BundleCoding.encode($0.template) } })),
                    ])
                })
            }, decode: { brand, scanner in
                try scanner.enterArray()
                while try scanner.nextItem() {
                    let (tag, templates) = try ReplyBundle.readPack(&scanner)
                    brand.packs[tag] = templates
                }
            }),
        ]
    }

    /// The variables as the bundle writes them.
    package var variableRecords: [VariableRecord] {
        get { variables.map(VariableRecord.init) }
        set { variables = newValue.map(\.variable) }
    }
}

/// A variable flattened into the fields of its kind.
package struct VariableRecord: BundleCodable {
    package var name = ""
    package var type = "text"
    package var maxLength = 0
    package var pattern: String?
    package var allow: [String] = []
    package var multiline = false
    package var min = 0
    package var max = 0
    package var values: [String] = []
    package var example: String?
    package var description: String?

    package static var blank: VariableRecord { VariableRecord() }

    package static var fields: [BundleField<VariableRecord>] {
        [
            .string("name", \.name), .string("type", \.type),
            .int("max_length", \.maxLength, in: 0...PackLimits.textMaxLength.range.upperBound), .optionalString("pattern", \.pattern),
            .strings("allow", \.allow), .bool("multiline", \.multiline),
            .int("min", \.min, in: PackLimits.number.range),
            .int("max", \.max, in: PackLimits.number.range),
            .strings("values", \.values), .optionalString("example", \.example),
            .optionalString("description", \.description),
        ]
    }

    package init() {}

    package init(_ variable: ReplyVariable) {
        name = variable.name
        type = variable.typeName
        example = variable.example
        description = variable.description
        switch variable.kind {
        case .text(let rules):
            (maxLength, pattern, multiline) = (rules.maxLength, rules.pattern, rules.multiline)
            allow = rules.allow.map(\.rawValue).sorted()
        case .number(let min, let max):
            (self.min, self.max) = (min, max)
        case .choice(let values):
            self.values = values
        }
    }

    package var variable: ReplyVariable {
        let kind: ReplyVariable.Kind = switch type {
        case "number": .number(min: min, max: max)
        case "choice": .choice(values)
        // An unknown entity name allows nothing: the value is refused, never let through.
        default: .text(.init(maxLength: maxLength, pattern: pattern,
                             allow: Set(allow.compactMap(ReplyVariable.Entity.init(rawValue:))), multiline: multiline))
        }
        return ReplyVariable(name: name, kind: kind, example: example, description: description)
    }
}

extension CampaignWindow: BundleCodable {
    package static var blank: CampaignWindow { CampaignWindow(id: "", approved: false) }

    package static var fields: [BundleField<CampaignWindow>] {
        [.string("id", \.id), .bool("approved", \.approved), .optionalDouble("starts", \.starts), .optionalDouble("ends", \.ends)]
    }
}

extension LocaleRules.Entry: BundleCodable {
    package static var blank: LocaleRules.Entry { LocaleRules.Entry(tag: LocaleTag("und")!, parent: nil, plural: nil) }

    package static var fields: [BundleField<LocaleRules.Entry>] {
        [
            .tag("locale", \.tag),
            .optionalTag("parent", \.parent),
            BundleField("plural", encode: { entry in
                entry.plural.map { rules in .object(rules.rules.map { ($0.category.rawValue, .string($0.rule.source)) }) } ?? .null
            }, decode: { entry, scanner in
                guard scanner.peek() == UInt8(ascii: "{") else { return try scanner.skip() }
                var parsed: [(PluralCategory, PluralRule)] = []
                try scanner.enterObject()
                while let name = try scanner.nextKey() {
                    let source = try scanner.stringValue()
                    guard let category = PluralCategory(rawValue: name), let rule = try? PluralRule(source) else {
                        throw BundleCoding.Failure("a locale has a bad plural rule (`\(name)`)")
                    }
                    parsed.append((category, rule))
                }
                entry.plural = PluralRules(parsed)
            }),
        ]
    }
}

extension CompiledTemplate: BundleCodable {
    package static var blank: CompiledTemplate { CompiledTemplate(id: "") }

    package static var fields: [BundleField<CompiledTemplate>] {
        [
            .string("id", \.id), .optionalString("campaign", \.campaign), .list("variants", \.variants),
            .bool("dm", \.dm), .optionalString("welcome_message_id", \.welcomeMessageID),
            .optionalString("invalid", \.invalid),
        ]
    }
}

extension CompiledVariant: BundleCodable {
    package static var blank: CompiledVariant { CompiledVariant(names: [], body: CompiledMessage([]), prefill: nil, bound: 0) }

    package static var fields: [BundleField<CompiledVariant>] {
        [
            .strings("names", \.names),
            BundleField("body", required: true, encode: { $0.body.bundleValue },
                        decode: { $0.body = try CompiledMessage(bundle: &$1, depth: 0) }),
            BundleField("prefill", encode: { $0.prefill?.bundleValue ?? .null }, decode: { variant, scanner in
                if scanner.peek() == UInt8(ascii: "n") { return try scanner.skip() }
                variant.prefill = try CompiledMessage(bundle: &scanner, depth: 0)
            }),
            .int("bound", \.bound, in: 0...BundleLimits.maxBound),
        ]
    }
}

extension CompiledMessage {
    /// A message as nested arrays: `"text"`, `["var", slot]`, `["#"]`,
    /// `["plural" | "select", slot, [[key, parts], …]]` (keys `=3`, `one`, or a select value).
    package var bundleValue: JSONValue {
        .array(parts.map { part -> JSONValue in
            switch part {
            case .literal(let literal): return .string(literal.text)
            case .pound: return .array([.string("#")])
            case .variable(let slot): return .array([.string("var"), .int(slot)])
            case .plural(let slot, let branches), .select(let slot, let branches):
                let kind = if case .plural = part { "plural" } else { "select" }
                return .array([.string(kind), .int(slot), .array(branches.map { branch in
                    .array([.string(branch.key.description), branch.message.bundleValue])
                })])
            }
        })
    }

    /// The message ``bundleValue`` wrote; literals are counted again, not trusted from the file.
    package init(bundle scanner: inout JSONScanner, depth: Int) throws {
        guard depth < Self.maxDepth else { throw BundleCoding.Failure("a message is nested too deeply") }
        var parts: [Part] = []
        try scanner.enterArray()
        while try scanner.nextItem() {
            if scanner.peek() == UInt8(ascii: "\"") {
                parts.append(.literal(Literal(try scanner.stringValue())))
                continue
            }
            try scanner.enterArray()
            guard try scanner.nextItem() else { throw BundleCoding.Failure("a message part has no kind") }
            let kind = try scanner.stringValue()
            switch kind {
            case "#":
                parts.append(.pound)
            case "var":
                guard try scanner.nextItem() else { throw BundleCoding.Failure("a variable has no slot") }
                parts.append(.variable(try scanner.intValue()))
            case "plural", "select":
                guard try scanner.nextItem() else { throw BundleCoding.Failure("a \(kind) has no slot") }
                let slot = try scanner.intValue()
                guard try scanner.nextItem() else { throw BundleCoding.Failure("a \(kind) has no branches") }
                var branches: [Branch] = []
                try scanner.enterArray()
                while try scanner.nextItem() {
                    try scanner.enterArray()
                    guard try scanner.nextItem() else { throw BundleCoding.Failure("a branch is malformed") }
                    let text = try scanner.stringValue()
                    let key: Key
                    if kind == "plural" {
                        if text.hasPrefix("="), let n = ReplyValue.parseInteger(String(text.dropFirst())) { key = .exact(n) }
                        else if let category = PluralCategory(rawValue: text) { key = .category(category) }
                        else { throw BundleCoding.Failure("`\(text)` is not a plural key") }
                    } else {
                        key = .value(text)
                    }
                    guard try scanner.nextItem() else { throw BundleCoding.Failure("a branch is malformed") }
                    branches.append(Branch(key: key, message: try CompiledMessage(bundle: &scanner, depth: depth + 1)))
                    guard try !scanner.nextItem() else { throw BundleCoding.Failure("a branch is malformed") }
                }
                parts.append(kind == "plural" ? .plural(slot, branches) : .select(slot, branches))
            default:
                throw BundleCoding.Failure("unknown message part `\(kind)`")
            }
            guard try !scanner.nextItem() else { throw BundleCoding.Failure("a `\(kind)` part is malformed") }
        }
        self.init(parts)
    }
}

/// The bounds a bundle's numbers must keep, as a pack's must.
package enum BundleLimits {
    package static let maxReplyLength = 10_000
    package static let maxNumber = 999_999_999_999_999
    /// A worst case: a reply's limit, or far past it for a template lint reported over the limit.
    package static let maxBound = 1 << 40
}
