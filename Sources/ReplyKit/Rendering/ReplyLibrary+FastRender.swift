import Foundation
import Synchronization
internal import TweetText

extension ReplyLibrary {
    /// What the fast path needs of a brand, looked up once.
    final class FastBrand: Sendable {
        let declared: Set<String>
        /// Its variables as the fast path checks their values.
        let rules: [String: ValueRule]
        let maxLength: Int
        let campaigns: [String: Campaign]
        /// `https://<host>/messages/compose?recipient_id=<id>`, nil without a user id.
        let linkPrefix: [UInt8]?
        let separator: [UInt8]
        let linkWeight: Int
        /// The separator starts and ends with whitespace, so nothing the body ends with runs into
        /// the link (DM templates use the fast path only then).
        let separatorIsWall: Bool

        init(_ compiled: CompiledBrand) {
            let brand = compiled.brand
            declared = Set(compiled.variables.keys)
            rules = compiled.variables.mapValues { ValueRule($0, matcher: compiled.checker.patterns[$0.name.value]) }
            maxLength = brand.maxLength
            campaigns = Dictionary(brand.campaigns.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
            linkPrefix = brand.account.userID.map {
                Array(DeepLink.url(host: brand.deepLink.host, recipientID: $0.value, prefill: nil, welcomeMessageID: nil).utf8)
            }
            let separator = brand.deepLink.separator
            self.separator = Array(separator.utf8)
            linkWeight = DeepLink.weight(separator: separator)
            separatorIsWall = (separator.unicodeScalars.first?.properties.isWhitespace ?? false)
                && (separator.unicodeScalars.last?.properties.isWhitespace ?? false)
                && !TwitterText.nfc(separator).changed
        }
    }

    /// A template as the fast path finds it: by `brand/template`, then by the locale text asked for.
    final class FastTemplate: Sendable {
        let id: String
        let brand: FastBrand
        /// The packs holding the template, by their canonical tag.
        let byLocale: [String: Prepared]
        /// The pack the brand's default locale resolves to.
        let byDefault: Prepared?

        init(id: String, brand: FastBrand, byLocale: [String: Prepared], byDefault: Prepared?) {
            self.id = id
            self.brand = brand
            self.byLocale = byLocale
            self.byDefault = byDefault
        }
    }

    /// One variant as the fast path renders it.
    final class FastVariant: Sendable {
        /// The rules for the values, in the order of the variant's variable names.
        let rules: [ValueRule?]
        let body: RenderPlan?
        let prefill: RenderPlan?
        /// The template has a prefill (which, without a plan, sends renders the general way).
        let hasPrefill: Bool
        let dm: Bool
        /// The worst case lint computed, deep link included.
        let bound: Int
        /// `&welcome_message_id=<id>`, or nothing.
        let welcome: [UInt8]

        init(_ prepared: Prepared, index: Int, brand: FastBrand) {
            let template = prepared.template
            let names = template.variableNames(of: index)
            let linkWeight = brand.linkWeight
            rules = names.map { brand.rules[$0] }
            body = RenderPlan(template.variants[index], names: names)
            prefill = template.prefill.flatMap { RenderPlan($0, names: names) }
            hasPrefill = template.prefill != nil
            dm = template.dm
            bound = template.bounds[index] + (template.dm ? linkWeight : 0)
            welcome = template.welcomeMessageID.map { Array("&welcome_message_id=\($0)".utf8) } ?? []
        }
    }

    /// A template's variants as the fast path renders them, made on its first render: loading
    /// stays as cheap as it was, and the library stays immutable to its callers.
    final class PlanCache: Sendable {
        final class Variants: Sendable {
            let all: [FastVariant]
            let campaign: String?

            init(_ all: [FastVariant], campaign: String?) {
                self.all = all
                self.campaign = campaign
            }
        }

        private let variants = AtomicLazyReference<Variants>()

        func get(_ prepared: Prepared, brand: FastBrand) -> Variants {
            if let variants = variants.load() { return variants }
            let template = prepared.template
            let count = template.invalid == nil ? template.variants.count : 0
            return variants.storeIfNil(Variants((0..<count).map { FastVariant(prepared, index: $0, brand: brand) },
                                                campaign: template.campaign))
        }
    }

    /// The reply, when every value is plain ASCII and every seam is a wall (``RenderPlan``); nil
    /// sends the request down the general path, which counts everything and names any error.
    func renderFast(_ template: String, locale: String?, values: [String: ReplyValue],
                    key: String?, variant: Int?, at date: Date?) -> Reply? {
        guard let entry = fast[template],
              let prepared = locale.map({ entry.byLocale[$0] }) ?? entry.byDefault else { return nil }
        let brand = entry.brand
        let variants = prepared.plans.get(prepared, brand: brand)
        if let campaign = variants.campaign {
            guard brand.campaigns[campaign]?.isOpen(at: (date ?? Date()).timeIntervalSince1970) == true else { return nil }
        }
        let index = variant ?? StableHash.variant(for: key, count: variants.all.count)
        guard variants.all.indices.contains(index) else { return nil }
        let fast = variants.all[index]
        guard let plan = fast.body else { return nil }

        // Every name the template uses must have a value; any other must still be a declared variable.
        if values.count > fast.rules.count {
            for name in values.keys where !brand.declared.contains(name) { return nil }
        }
        // The checked values live on the stack: most renders then allocate only the reply.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: fast.rules.count) { storage in
            var checked = 0
            defer { storage.baseAddress.map { _ = $0.deinitialize(count: checked) } }
            for rule in fast.rules {
                guard let rule, let value = values[rule.name], let text = rule.plainText(value) else { return nil }
                (storage.baseAddress! + checked).initialize(to: text)
                checked += 1
            }
            return assemble(entry, prepared, fast, plan, UnsafeBufferPointer(storage), index: index)
        }
    }

    private func assemble(_ entry: FastTemplate, _ prepared: Prepared, _ fast: FastVariant, _ plan: RenderPlan,
                          _ texts: UnsafeBufferPointer<String>, index: Int) -> Reply? {
        let brand = entry.brand
        let body = plan.choose(texts, plural: prepared.plural)
        guard body.seamsHold else { return nil }
        var weight = body.weight
        var byteCount = body.bytes.count
        for slot in body.slots {
            weight += texts[slot].utf8.count
            byteCount += texts[slot].utf8.count
        }

        var prefill: RenderPlan.Skeleton?
        var encoded = 0
        var linkCount = 0
        if fast.dm {
            guard let prefix = brand.linkPrefix, brand.separatorIsWall else { return nil }
            if let plan = fast.prefill {
                let skeleton = plan.choose(texts, plural: prepared.plural)
                guard skeleton.staysNFC else { return nil }
                prefill = skeleton
                encoded = skeleton.encodedCount(texts)
            } else if fast.hasPrefill {
                return nil
            }
            linkCount = prefix.count + (encoded > 0 ? 6 + encoded : 0) + fast.welcome.count
            // twitter-text stops a URL at 4,096 characters: count such a link the general way.
            guard linkCount <= 4000 else { return nil }
            weight += brand.linkWeight
            byteCount += brand.separator.count + linkCount
        }
        guard weight <= brand.maxLength, weight <= fast.bound, byteCount > 0 else { return nil }

        let text = String(unsafeUninitializedCapacity: byteCount) { buffer in
            var out = ByteWriter(buffer.baseAddress!)
            body.bytes.withUnsafeBufferPointer { bytes in
                for (offset, slot) in body.slots.enumerated() {
                    out.write(UnsafeBufferPointer(rebasing: bytes[body.run(offset)]))
                    out.write(texts[slot])
                }
                out.write(UnsafeBufferPointer(rebasing: bytes[body.run(body.slots.count)]))
            }
            if fast.dm, let prefix = brand.linkPrefix {
                out.write(brand.separator)
                out.write(prefix)
                if let prefill, encoded > 0 {
                    out.write(DeepLink.textParameter)
                    prefill.bytes.withUnsafeBufferPointer { bytes in
                        for (offset, slot) in prefill.slots.enumerated() {
                            out.encode(UnsafeBufferPointer(rebasing: bytes[prefill.run(offset)]))
                            out.encode(texts[slot])
                        }
                        out.encode(UnsafeBufferPointer(rebasing: bytes[prefill.run(prefill.slots.count)]))
                    }
                }
                out.write(fast.welcome)
            }
            return out.count(from: buffer.baseAddress!)
        }
        // twitter-text ends a URL before a `.` or `~` it ends with: count such a link the general way.
        if fast.dm, let last = text.utf8.last, !Self.endsURL(last) { return nil }
        return Reply(text: text, weightedLength: weight, limit: brand.maxLength, locale: prepared.tag,
                     template: entry.id, variant: index, deepLinkLength: fast.dm ? linkCount : nil)
    }

    /// twitter-text's `validUrlQueryEndingChars` and path endings, as far as a deep link can end.
    private static func endsURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "#"): true
        default: false
        }
    }
}

/// Writes into memory the caller sized beforehand.
private struct ByteWriter {
    var next: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        next = start
    }

    func count(from start: UnsafeMutablePointer<UInt8>) -> Int { next - start }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        next.update(from: base, count: bytes.count)
        next += bytes.count
    }

    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Percent-encoded, as ``DeepLink/percentEncoded(_:)``.
    mutating func encode(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            DeepLink.percentEncode(byte) {
                next.pointee = $0
                next += 1
            }
        }
    }

    mutating func encode(_ text: String) {
        var text = text
        text.withUTF8 { encode($0) }
    }
}

extension RenderPlan.Skeleton {
    /// The length of the text percent-encoded.
    func encodedCount(_ texts: UnsafeBufferPointer<String>) -> Int {
        var count = 0
        for byte in bytes { count += DeepLink.isUnreserved(byte) ? 1 : 3 }
        for slot in slots { for byte in texts[slot].utf8 { count += DeepLink.isUnreserved(byte) ? 1 : 3 } }
        return count
    }
}

extension RenderPlan {
    /// Follows the selects and plurals with the checked values, as the general path does.
    func choose(_ texts: UnsafeBufferPointer<String>, plural rules: PluralRules) -> Skeleton {
        var node = root
        while node >= 0 {
            let decision = decisions[node]
            let text = texts[decision.slot]
            var choice: Int?
            if decision.plural {
                let number = Int(text) ?? 0
                choice = exact[decision.keys].firstIndex(of: number)
                if choice == nil { choice = categories[decision.keys].firstIndex(of: rules.category(for: number)) }
            } else {
                choice = values[decision.keys].firstIndex(of: text)
            }
            node = children[decision.firstChild + (choice.map { $0 - decision.keys.lowerBound } ?? decision.fallback)]
        }
        return skeletons[-1 - node]
    }
}

/// A variable as the fast path checks its values.
final class ValueRule: Sendable {
    let name: String
    let kind: Variable.Kind
    /// The `pattern` as our own automaton, or as ICU's when it is outside its subset.
    let pattern: ValuePattern?
    let icu: ValueChecker.Matcher?

    init(_ variable: Variable, matcher: ValueChecker.Matcher?) {
        name = variable.name.value
        kind = variable.kind
        if case .native(let pattern) = matcher {
            (self.pattern, icu) = (pattern, nil)
        } else {
            (pattern, icu) = (nil, matcher)
        }
    }

    /// The value as it is substituted when it is printable ASCII without `. : @ # $ /` and passes
    /// every check; nil otherwise (the general check then decides, and names what is wrong).
    func plainText(_ value: ReplyValue) -> String? {
        let text: String
        switch kind {
        case .number(let min, let max):
            let number: Int
            switch value {
            case .number(let n): number = n
            case .text(let digits):
                guard let n = SchemaReader.parseInteger(digits) else { return nil }
                number = n
            }
            guard (min...max).contains(number) else { return nil }
            text = String(number)
        case .choice(let choices):
            text = value.description
            guard choices.contains(text) else { return nil }
        case .text(let rules):
            text = value.description
            // Printable ASCII weighs one per byte, and is NFC with nothing for the checks to refuse.
            guard Self.isPlain(text), text.utf8.count <= rules.maxLength,
                  pattern?.matches(text) ?? icu?.matches(text) ?? true else { return nil }
            return text
        }
        return Self.isPlain(text) ? text : nil
    }

    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case 0x2E, 0x3A, 0x40, 0x23, 0x24, 0x2F: false
            case 0x20...0x7E: true
            default: false
            }
        }
    }
}
