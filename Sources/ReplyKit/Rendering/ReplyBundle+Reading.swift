import Foundation

extension ReplyBundle {
    /// Why a bundle could not be loaded.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The library a bundle holds.
    public static func decode(_ text: String) throws(ReadError) -> ReplyLibrary {
        try decode(bytes: Array(text.utf8))
    }

    /// The library the bundle in `bytes` holds. The JSON is read straight into the library's types,
    /// without a tree of values in between, and brands are read on every core.
    static func decode(bytes: [UInt8]) throws(ReadError) -> ReplyLibrary {
        var scanner = JSONScanner(bytes)
        var sawFormat = false
        var brandStarts: [Int] = []
        var locales: [LocaleData] = []
        do {
            try scanner.enterObject()
            while let key = try scanner.nextKey() {
                switch key {
                case "format":
                    guard try scanner.optionalString() == format else { throw ReadError(message: "not a ReplyKit bundle (no `format: \(format)`)") }
                    sawFormat = true
                case "version":
                    let found = try? scanner.intValue()
                    guard found == version else {
                        throw ReadError(message: "bundle version \(found.map(String.init) ?? "?") is not \(version): compile it again with this version of replykit")
                    }
                case "brands":
                    // Where each brand starts: they are read in parallel once every brand's end is found.
                    try scanner.enterArray()
                    while try scanner.nextItem() {
                        brandStarts.append(scanner.i)
                        try scanner.skip()
                    }
                case "locales":
                    try scanner.enterArray()
                    while try scanner.nextItem() { locales.append(try decodeLocale(&scanner)) }
                default:
                    try scanner.skip()
                }
            }
            guard scanner.peek() == nil else { throw scanner.error("unexpected text after the bundle") }
        } catch {
            throw readError(error)
        }
        guard sawFormat else { throw ReadError(message: "not a ReplyKit bundle (no `format: \(format)`)") }
        let starts = brandStarts
        let decoded = ResultSlots<Result<ReplyLibrary.CompiledBrand, ReadError>>(count: starts.count)
        DispatchQueue.concurrentPerform(iterations: starts.count) { index in
            var brand = JSONScanner(bytes)
            brand.i = starts[index]
            decoded[index] = Result { () throws(ReadError) in try decodeBrand(&brand) }
        }
        var brands: [String: ReplyLibrary.CompiledBrand] = [:]
        for index in starts.indices {
            let compiled = try decoded[index]!.get()
            brands[compiled.brand.id] = compiled
        }
        return ReplyLibrary(brands: brands, locales: LocaleCatalog(locales))
    }

    private static func readError(_ error: any Error) -> ReadError {
        switch error {
        case let error as ReadError: error
        case let error as JSONScanner.ParseError: ReadError(message: "the bundle is not valid: \(error.message)")
        default: ReadError(message: "\(error)")
        }
    }

    private static func decodeLocale(_ scanner: inout JSONScanner) throws -> LocaleData {
        var tag: LocaleTag?
        var parent: LocaleTag?
        var direction: LocaleData.Direction?
        var plural: PluralRules?
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "locale": tag = try scanner.optionalString().flatMap(LocaleTag.init)
            case "parent": parent = try scanner.optionalString().flatMap(LocaleTag.init)
            case "direction": direction = try scanner.optionalString().flatMap(LocaleData.Direction.init(rawValue:))
            case "plural" where scanner.peek() == UInt8(ascii: "{"):
                var parsed: [(PluralCategory, PluralRule)] = []
                try scanner.enterObject()
                while let name = try scanner.nextKey() {
                    let source = try scanner.stringValue()
                    guard let category = PluralCategory(rawValue: name), let rule = try? PluralRule(source) else {
                        throw ReadError(message: "a locale has a bad plural rule (`\(name)`)")
                    }
                    parsed.append((category, rule))
                }
                plural = PluralRules(parsed)
            default: try scanner.skip()
            }
        }
        guard let tag else { throw ReadError(message: "a locale entry has no valid `locale`") }
        var data = LocaleData(tag: tag, file: "bundle:\(tag)")
        data.parent = parent.map { Located($0, range: .none) }
        data.direction = direction
        data.plural = plural
        return data
    }

    private static func decodeBrand(_ scanner: inout JSONScanner) throws(ReadError) -> ReplyLibrary.CompiledBrand {
        do {
            var brand = Brand(id: "", file: "bundle")
            var packs: [LocaleTag: [String: ReplyLibrary.TemplateSource]] = [:]
            try scanner.enterObject()
            while let key = try scanner.nextKey() {
                switch key {
                case "id": brand.id = try scanner.stringValue()
                case "user_id": brand.account.userID = try scanner.optionalString().map { Located($0, range: .none) }
                case "dm_open": brand.account.dmOpen = Located(try scanner.boolValue(), range: .none)
                case "default_locale":
                    brand.defaultLocale = try scanner.optionalString().flatMap(LocaleTag.init).map { Located($0, range: .none) }
                case "fallback_locale":
                    brand.fallbackLocale = try scanner.optionalString().flatMap(LocaleTag.init).map { Located($0, range: .none) }
                case "max_length": brand.maxLength = try scanner.intValue()
                case "deep_link":
                    try scanner.enterObject()
                    while let field = try scanner.nextKey() {
                        switch field {
                        case "host": brand.deepLink.host = try scanner.stringValue()
                        case "separator": brand.deepLink.separator = try scanner.stringValue()
                        default: try scanner.skip()
                        }
                    }
                case "variables":
                    try scanner.enterArray()
                    while try scanner.nextItem() { brand.variables.append(try decodeVariable(&scanner)) }
                case "campaigns":
                    try scanner.enterArray()
                    while try scanner.nextItem() {
                        if let campaign = try decodeCampaign(&scanner) { brand.campaigns.append(campaign) }
                    }
                case "packs":
                    try scanner.enterArray()
                    while try scanner.nextItem() {
                        let (tag, templates) = try decodePack(&scanner)
                        packs[tag] = templates
                    }
                default: try scanner.skip()
                }
            }
            guard !brand.id.isEmpty else { throw ReadError(message: "a brand has no `id`") }
            return ReplyLibrary.CompiledBrand(
                brand: brand, variables: Dictionary(brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a }),
                checker: ValueChecker(variables: brand.variables), packs: packs)
        } catch {
            throw readError(error)
        }
    }

    private static func decodeVariable(_ scanner: inout JSONScanner) throws -> Variable {
        var name: String?
        var type: String?
        var (maxLength, minimum, maximum) = (0, 0, 0)
        var pattern: String?
        var example: String?
        var allow: Set<Variable.Entity> = []
        var multiline = false
        var values: [String] = []
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "name": name = try scanner.stringValue()
            case "type": type = try scanner.optionalString()
            case "max_length": maxLength = try scanner.intValue()
            case "min": minimum = try scanner.intValue()
            case "max": maximum = try scanner.intValue()
            case "pattern": pattern = try scanner.optionalString()
            case "example": example = try scanner.optionalString()
            case "multiline": multiline = try scanner.boolValue()
            case "allow", "values":
                try scanner.enterArray()
                while try scanner.nextItem() {
                    let item = try scanner.stringValue()
                    if key == "values" { values.append(item) } else if let entity = Variable.Entity(rawValue: item) { allow.insert(entity) }
                }
            default: try scanner.skip()
            }
        }
        guard let name else { throw ReadError(message: "a variable has no name") }
        let kind: Variable.Kind = switch type {
        case "number": .number(min: minimum, max: maximum)
        case "choice": .choice(values)
        default: .text(.init(maxLength: maxLength, pattern: pattern, allow: allow, multiline: multiline))
        }
        return Variable(name: Located(name, range: .none), kind: kind, example: example.map { Located($0, range: .none) }, range: .none)
    }

    private static func decodeCampaign(_ scanner: inout JSONScanner) throws -> Campaign? {
        var id: String?
        var status: Campaign.Status?
        var starts: Double?
        var ends: Double?
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "id": id = try scanner.optionalString()
            case "status": status = try scanner.optionalString().flatMap(Campaign.Status.init(rawValue:))
            case "starts": starts = try scanner.optionalDouble()
            case "ends": ends = try scanner.optionalDouble()
            default: try scanner.skip()
            }
        }
        guard let id else { return nil }
        var campaign = Campaign(id: Located(id, range: .none), range: .none)
        campaign.status = status.map { Located($0, range: .none) }
        campaign.starts = starts.map { Located($0, range: .none) }
        campaign.ends = ends.map { Located($0, range: .none) }
        return campaign
    }

    /// A pack's templates are found, not decoded: ``ReplyLibrary/TemplateSource`` decodes each on
    /// first use.
    private static func decodePack(_ scanner: inout JSONScanner) throws -> (LocaleTag, [String: ReplyLibrary.TemplateSource]) {
        var tag: LocaleTag?
        var templates: [String: ReplyLibrary.TemplateSource] = [:]
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "locale": tag = try scanner.optionalString().flatMap(LocaleTag.init)
            case "templates":
                try scanner.enterArray()
                while try scanner.nextItem() {
                    let start = scanner.i
                    var id: String?
                    try scanner.enterObject()
                    while let field = try scanner.nextKey() {
                        guard field == "id" else {
                            try scanner.skip()
                            continue
                        }
                        id = try scanner.stringValue()
                        // The rest is read when the template is first used.
                        try scanner.skipRest()
                        break
                    }
                    guard let id, !id.isEmpty else { throw ReadError(message: "a template has no `id`") }
                    templates[id] = ReplyLibrary.TemplateSource(bundle: scanner.bytes, at: start, id: id)
                }
            default: try scanner.skip()
            }
        }
        guard let tag else { throw ReadError(message: "a pack has no locale") }
        return (tag, templates)
    }

    static func decodeTemplate(_ scanner: inout JSONScanner) throws -> ReplyLibrary.CompiledTemplate {
        var template = ReplyLibrary.CompiledTemplate(id: "", variants: [], bounds: [], dm: false)
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "id": template.id = try scanner.stringValue()
            case "campaign": template.campaign = try scanner.optionalString()
            case "dm": template.dm = try scanner.boolValue()
            case "welcome_message_id": template.welcomeMessageID = try scanner.optionalString()
            case "invalid": template.invalid = try scanner.optionalString()
            case "prefill":
                if scanner.peek() == UInt8(ascii: "n") { try scanner.skip() } else { template.prefill = try decodeMessage(&scanner, depth: 0) }
            case "variants":
                try scanner.enterArray()
                while try scanner.nextItem() {
                    var message: Message?
                    var bound = 0
                    try scanner.enterObject()
                    while let field = try scanner.nextKey() {
                        switch field {
                        case "parts": message = try decodeMessage(&scanner, depth: 0)
                        case "bound": bound = try scanner.intValue()
                        default: try scanner.skip()
                        }
                    }
                    guard let message else { throw ReadError(message: "a variant of `\(template.id)` has no parts") }
                    template.variants.append(message)
                    template.bounds.append(bound)
                }
            default: try scanner.skip()
            }
        }
        guard !template.id.isEmpty else { throw ReadError(message: "a template has no `id`") }
        return template
    }

    /// A message as ``encode(_:)-(Message)`` writes it.
    static func decodeMessage(_ scanner: inout JSONScanner, depth: Int) throws -> Message {
        guard depth < 32 else { throw ReadError(message: "a message is nested too deeply") }
        var parts: [Message.Part] = []
        try scanner.enterArray()
        while try scanner.nextItem() {
            if scanner.peek() == UInt8(ascii: "\"") {
                parts.append(.literal(try scanner.stringValue()))
                continue
            }
            try scanner.enterArray()
            guard try scanner.nextItem() else { throw ReadError(message: "a message part has no kind") }
            let kind = try scanner.stringValue()
            switch kind {
            case "#":
                parts.append(.pound)
            case "var":
                guard try scanner.nextItem() else { throw ReadError(message: "a variable has no name") }
                parts.append(.variable(.init(name: try scanner.stringValue(), nameSpan: 0..<0, span: 0..<0)))
            case "plural", "select":
                guard try scanner.nextItem() else { throw ReadError(message: "a \(kind) has no variable") }
                let name = try scanner.stringValue()
                guard try scanner.nextItem() else { throw ReadError(message: "a \(kind) has no branches") }
                var branches: [Message.Branch] = []
                try scanner.enterArray()
                while try scanner.nextItem() {
                    try scanner.enterArray()
                    guard try scanner.nextItem() else { throw ReadError(message: "a branch of `\(name)` is malformed") }
                    let key = try scanner.stringValue()
                    let parsedKey: Message.Key
                    if kind == "plural" {
                        if key.hasPrefix("="), let n = Int(key.dropFirst()) { parsedKey = .exact(n) }
                        else if let category = PluralCategory(rawValue: key) { parsedKey = .category(category) }
                        else { throw ReadError(message: "`\(key)` is not a plural key") }
                    } else {
                        parsedKey = .value(key)
                    }
                    guard try scanner.nextItem() else { throw ReadError(message: "a branch of `\(name)` is malformed") }
                    branches.append(.init(key: parsedKey, keySpan: 0..<0, message: try decodeMessage(&scanner, depth: depth + 1)))
                    guard try !scanner.nextItem() else { throw ReadError(message: "a branch of `\(name)` is malformed") }
                }
                let argument = Message.Argument(name: name, nameSpan: 0..<0, span: 0..<0)
                parts.append(kind == "plural" ? .plural(argument, branches) : .select(argument, branches))
            default:
                throw ReadError(message: "unknown message part `\(kind)`")
            }
            guard try !scanner.nextItem() else { throw ReadError(message: "a `\(kind)` part is malformed") }
        }
        return Message(parts)
    }
}

extension SourceRange {
    /// The range of a value that comes from no file (a compiled bundle).
    static let none = SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
}
