internal import TweetText

/// One template of one locale pack, parsed and measured: what lint's template rules, `compile`
/// and the renderer share, so they agree.
public struct TemplateAnalysis: Sendable {
    /// One text (a variant, or the DM prefill) with its parse.
    public struct Text: Sendable {
        public var text: TemplateText
        public var map: ScalarSourceMap
        /// Nil when the text is not valid template syntax.
        public var message: Message?
        public var syntaxError: TemplateSyntaxError?
        /// Nil when the text does not parse or uses variables it cannot.
        public var bound: LengthBound?
    }

    public var brand: Brand
    public var pack: LocalePack
    public var template: Template
    public var variants: [Text]
    public var prefill: Text?
    /// What the deep link adds: the separator and 23 for the URL; 0 without `dm`.
    public var deepLinkWeight: Int

    /// The worst case of the whole reply, deep link included, over every variant; nil when any
    /// variant could not be measured.
    public var maxWeightedLength: Int? {
        var longest = 0
        for variant in variants {
            guard let bound = variant.bound else { return nil }
            longest = max(longest, bound.total + deepLinkWeight)
        }
        return variants.isEmpty ? nil : longest
    }

    public init(brand: Brand, pack: LocalePack, template: Template, file: SourceFile) {
        self.brand = brand
        self.pack = pack
        self.template = template
        let variables = Dictionary(brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        func analyse(_ text: TemplateText) -> Text {
            let map = ScalarSourceMap(text, in: file)
            do {
                let message = try MessageParser.parse(text.value)
                return Text(text: text, map: map, message: message, syntaxError: nil,
                            bound: LengthBound.of(message, variables: variables))
            } catch {
                return Text(text: text, map: map, message: nil, syntaxError: error, bound: nil)
            }
        }
        variants = template.variants.map(analyse)
        prefill = template.dm?.prefill.map(analyse)
        deepLinkWeight = template.dm == nil ? 0 : TwitterText.weightedLength(brand.deepLink.separator) + 23
    }
}

extension TemplateRepository {
    /// Every template of every readable pack of every brand with a readable brand.yaml, analysed.
    public var analyses: [TemplateAnalysis] {
        var result: [TemplateAnalysis] = []
        for folder in brands {
            guard let brand = folder.brand else { continue }
            for pack in folder.packs {
                guard let file = files[pack.file] else { continue }
                for template in pack.templates {
                    result.append(TemplateAnalysis(brand: brand, pack: pack, template: template, file: file))
                }
            }
        }
        return result
    }
}
