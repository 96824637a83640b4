import Foundation

extension ReplyBundle {
    /// Why a bundle could not be loaded.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The library a bundle holds.
    public static func decode(_ text: String) throws(ReadError) -> ReplyLibrary {
        let root: JSONValue
        do { root = try JSONValue.parse(text) } catch { throw ReadError(message: "the bundle is not JSON: \(error)") }
        let reader = Reader(root)
        guard reader.string("format") == format else { throw ReadError(message: "not a ReplyKit bundle (no `format: \(format)`)") }
        guard let found = reader.int("version"), found == version else {
            throw ReadError(message: "bundle version \(reader.int("version").map(String.init) ?? "?") is not \(version): compile it again with this version of replykit")
        }
        var locales: [LocaleData] = []
        for entry in reader.array("locales") {
            let item = Reader(entry)
            guard let tag = item.string("locale").flatMap(LocaleTag.init) else { throw ReadError(message: "a locale entry has no valid `locale`") }
            var data = LocaleData(tag: tag, file: "bundle:\(tag)")
            data.parent = item.string("parent").flatMap(LocaleTag.init).map { Located($0, range: .none) }
            data.direction = item.string("direction").flatMap(LocaleData.Direction.init(rawValue:))
            if case .object(let rules)? = item.value("plural") {
                var parsed: [(PluralCategory, PluralRule)] = []
                for (name, rule) in rules {
                    guard let category = PluralCategory(rawValue: name), case .string(let source) = rule,
                          let rule = try? PluralRule(source) else { throw ReadError(message: "locale \(tag) has a bad plural rule") }
                    parsed.append((category, rule))
                }
                data.plural = PluralRules(parsed)
            }
            locales.append(data)
        }
        var brands: [String: ReplyLibrary.CompiledBrand] = [:]
        for entry in reader.array("brands") {
            let compiled = try decodeBrand(Reader(entry))
            brands[compiled.brand.id] = compiled
        }
        return ReplyLibrary(brands: brands, locales: LocaleCatalog(locales))
    }

    private static func decodeBrand(_ item: Reader) throws(ReadError) -> ReplyLibrary.CompiledBrand {
        guard let id = item.string("id") else { throw ReadError(message: "a brand has no `id`") }
        var brand = Brand(id: id, file: "bundle")
        brand.account.userID = item.string("user_id").map { Located($0, range: .none) }
        brand.account.dmOpen = Located(item.value("dm_open") == .bool(true), range: .none)
        brand.defaultLocale = item.string("default_locale").flatMap(LocaleTag.init).map { Located($0, range: .none) }
        brand.fallbackLocale = item.string("fallback_locale").flatMap(LocaleTag.init).map { Located($0, range: .none) }
        brand.maxLength = item.int("max_length") ?? 280
        let deepLink = Reader(item.value("deep_link") ?? .null)
        brand.deepLink.host = deepLink.string("host") ?? "twitter.com"
        brand.deepLink.separator = deepLink.string("separator") ?? " "
        for entry in item.array("variables") {
            let variable = Reader(entry)
            guard let name = variable.string("name") else { throw ReadError(message: "a variable of \(id) has no name") }
            let kind: Variable.Kind
            switch variable.string("type") {
            case "number": kind = .number(min: variable.int("min") ?? 0, max: variable.int("max") ?? 0)
            case "choice": kind = .choice(variable.array("values").compactMap { if case .string(let s) = $0 { s } else { nil } })
            default:
                let allow = Set(variable.array("allow").compactMap { if case .string(let s) = $0 { Variable.Entity(rawValue: s) } else { nil } })
                kind = .text(.init(maxLength: variable.int("max_length") ?? 0, pattern: variable.string("pattern"), allow: allow,
                                   multiline: variable.value("multiline") == .bool(true)))
            }
            brand.variables.append(Variable(name: Located(name, range: .none), kind: kind,
                                            example: variable.string("example").map { Located($0, range: .none) }, range: .none))
        }
        for entry in item.array("campaigns") {
            let campaign = Reader(entry)
            guard let campaignID = campaign.string("id") else { continue }
            var value = Campaign(id: Located(campaignID, range: .none), range: .none)
            value.status = campaign.string("status").flatMap(Campaign.Status.init(rawValue:)).map { Located($0, range: .none) }
            value.starts = campaign.double("starts").map { Located($0, range: .none) }
            value.ends = campaign.double("ends").map { Located($0, range: .none) }
            brand.campaigns.append(value)
        }
        var packs: [LocaleTag: [String: ReplyLibrary.CompiledTemplate]] = [:]
        for entry in item.array("packs") {
            let pack = Reader(entry)
            guard let tag = pack.string("locale").flatMap(LocaleTag.init) else { throw ReadError(message: "a pack of \(id) has no locale") }
            var templates: [String: ReplyLibrary.CompiledTemplate] = [:]
            for entry in pack.array("templates") {
                let template = try decodeTemplate(Reader(entry))
                templates[template.id] = template
            }
            packs[tag] = templates
        }
        return ReplyLibrary.CompiledBrand(
            brand: brand, variables: Dictionary(brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a }),
            checker: ValueChecker(variables: brand.variables), packs: packs)
    }

    private static func decodeTemplate(_ item: Reader) throws(ReadError) -> ReplyLibrary.CompiledTemplate {
        guard let id = item.string("id") else { throw ReadError(message: "a template has no `id`") }
        var template = ReplyLibrary.CompiledTemplate(id: id, campaign: item.string("campaign"), variants: [], bounds: [],
                                                     dm: item.value("dm") == .bool(true),
                                                     welcomeMessageID: item.string("welcome_message_id"),
                                                     invalid: item.string("invalid"))
        for entry in item.array("variants") {
            let variant = Reader(entry)
            template.variants.append(try decodeMessage(variant.value("parts") ?? .null))
            template.bounds.append(variant.int("bound") ?? 0)
        }
        if let prefill = item.value("prefill"), prefill != .null { template.prefill = try decodeMessage(prefill) }
        return template
    }

    static func decodeMessage(_ value: JSONValue) throws(ReadError) -> Message {
        guard case .array(let items) = value else { throw ReadError(message: "a message is not a list of parts") }
        var parts: [Message.Part] = []
        parts.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .string(let text): parts.append(.literal(text))
            case .array(let fields):
                guard case .string(let kind)? = fields.first else { throw ReadError(message: "a message part has no kind") }
                switch (kind, fields.count) {
                case ("#", 1): parts.append(.pound)
                case ("var", 2):
                    guard case .string(let name) = fields[1] else { throw ReadError(message: "a variable has no name") }
                    parts.append(.variable(.init(name: name, nameSpan: 0..<0, span: 0..<0)))
                case ("plural", 3), ("select", 3):
                    guard case .string(let name) = fields[1], case .array(let entries) = fields[2] else {
                        throw ReadError(message: "a \(kind) is malformed")
                    }
                    var branches: [Message.Branch] = []
                    for entry in entries {
                        guard case .array(let pair) = entry, pair.count == 2, case .string(let key) = pair[0] else {
                            throw ReadError(message: "a branch of `\(name)` is malformed")
                        }
                        let parsedKey: Message.Key
                        if kind == "plural" {
                            if key.hasPrefix("="), let n = Int(key.dropFirst()) { parsedKey = .exact(n) }
                            else if let category = PluralCategory(rawValue: key) { parsedKey = .category(category) }
                            else { throw ReadError(message: "`\(key)` is not a plural key") }
                        } else {
                            parsedKey = .value(key)
                        }
                        branches.append(.init(key: parsedKey, keySpan: 0..<0, message: try decodeMessage(pair[1])))
                    }
                    let argument = Message.Argument(name: name, nameSpan: 0..<0, span: 0..<0)
                    parts.append(kind == "plural" ? .plural(argument, branches) : .select(argument, branches))
                default:
                    throw ReadError(message: "unknown message part `\(kind)`")
                }
            default:
                throw ReadError(message: "a message part is neither text nor a list")
            }
        }
        return Message(parts)
    }

    /// Field access on a JSON object, nil or empty where a field is missing or of another type.
    private struct Reader {
        let fields: [(String, JSONValue)]
        init(_ value: JSONValue) {
            if case .object(let fields) = value { self.fields = fields } else { self.fields = [] }
        }
        func value(_ key: String) -> JSONValue? { fields.first { $0.0 == key }?.1 }
        func string(_ key: String) -> String? { if case .string(let s)? = value(key) { s } else { nil } }
        func int(_ key: String) -> Int? { if case .int(let n)? = value(key) { n } else { nil } }
        func double(_ key: String) -> Double? {
            switch value(key) {
            case .double(let d)?: d
            case .int(let n)?: Double(n)
            default: nil
            }
        }
        func array(_ key: String) -> [JSONValue] { if case .array(let items)? = value(key) { items } else { [] } }
    }
}

extension SourceRange {
    /// The range of a value that comes from no file (a compiled bundle).
    static let none = SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
}
