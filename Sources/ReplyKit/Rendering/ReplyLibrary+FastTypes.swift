import Synchronization
internal import TweetText

extension ReplyLibrary {
    /// What the fast path needs of a brand, looked up once.
    final class FastBrand: Sendable {
        /// Its variables as the fast path checks their values: one per declared variable.
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
            bound = LengthBound.sum(template.bounds[index], template.dm ? linkWeight : 0)
            welcome = template.welcomeMessageID.map { Array((DeepLink.welcomeParameter + $0).utf8) } ?? []
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
}
