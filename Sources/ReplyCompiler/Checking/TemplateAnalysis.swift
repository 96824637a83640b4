import Dispatch
internal import TweetText
public import ReplyKit
// Analyses share their brand and pack through `Shared`, read by inlinable accessors.
public import ReplyKitSupport

/// One template of one locale pack, parsed and measured: what lint's template rules, `compile`
/// and the renderer share, so they agree.
///
/// Immutable once made; its parts live in one shared object, so passing an analysis around (lint
/// has one per template and forty rules) costs a single reference count.
public struct TemplateAnalysis: Sendable {
    /// One text (a variant, or the DM prefill) with its parse; shared, not copied, between rules.
    public final class Text: Sendable {
        public let text: TemplateText
        public let map: ScalarSourceMap
        /// Nil when the text is not valid template syntax.
        public let message: Message?
        public let syntaxError: TemplateSyntaxError?
        /// Nil when the text does not parse or uses variables it cannot.
        public let bound: LengthBound?
        /// The message's variables, each once, in order of first use; empty when it does not parse.
        public let variableNames: [String]

        init(text: TemplateText, map: ScalarSourceMap, message: Message?, syntaxError: TemplateSyntaxError?, bound: LengthBound?) {
            self.text = text
            self.map = map
            self.message = message
            self.syntaxError = syntaxError
            self.bound = bound
            variableNames = message?.variableNames ?? []
        }
    }

    @usableFromInline final class Storage: Sendable {
        /// Shared by every analysis of the brand (and the pack): holding a copy each would retain and
        /// release every string of it per analysis, on every core at once.
        @usableFromInline let brand: Shared<Brand>
        @usableFromInline let pack: Shared<LocalePack>
        /// The template's index in the pack's templates: a copy of it would be retained field by field.
        @usableFromInline let templateIndex: Int
        @usableFromInline let variants: [Text]
        @usableFromInline let prefill: Text?
        @usableFromInline let deepLinkWeight: Int

        init(brand: Shared<Brand>, pack: Shared<LocalePack>, templateIndex: Int, variants: [Text], prefill: Text?,
             deepLinkWeight: Int) {
            self.brand = brand
            self.pack = pack
            self.templateIndex = templateIndex
            self.variants = variants
            self.prefill = prefill
            self.deepLinkWeight = deepLinkWeight
        }
    }

    @usableFromInline let storage: Storage

    // Read in place: rules read a field or two of these many times over (`analysis.brand.id`).
    // Inlinable, so another module's rule reads the field directly: a coroutine called across
    // modules allocated its frame on every read.
    @inlinable public var brand: Brand { _read { yield storage.brand.value } }
    @inlinable public var pack: LocalePack { _read { yield storage.pack.value } }
    @inlinable public var template: Template { _read { yield storage.pack.value.templates[storage.templateIndex] } }
    @inlinable public var variants: [Text] { _read { yield storage.variants } }
    @inlinable public var prefill: Text? { _read { yield storage.prefill } }
    /// What the deep link adds: the separator and 23 for the URL; 0 without `dm`.
    @inlinable public var deepLinkWeight: Int { storage.deepLinkWeight }

    /// The worst case of the whole reply, deep link included, over every variant; nil when any
    /// variant could not be measured.
    public var maxWeightedLength: Int? {
        var longest = 0
        for variant in variants {
            guard let bound = variant.bound else { return nil }
            longest = max(longest, bound.reply(deepLink: deepLinkWeight))
        }
        return variants.isEmpty ? nil : longest
    }

    /// Analyses the template at `index` (0-based) of `pack.templates`, which must be a valid index.
    public init(brand: Brand, pack: LocalePack, templateAt index: Int, file: SourceFile) {
        precondition(pack.templates.indices.contains(index), "no template \(index) in \(pack.file)")
        self.init(brand: Shared(brand), variables: Self.variables(of: brand), pack: Shared(pack), templateAt: index,
                  file: file)
    }

    /// `variables` is the brand's variables by name, made once per brand. `previous`: this
    /// template's analysis made with the same variables from an earlier reading of its pack (see
    /// ``analyses(of:brand:file:reusing:)``).
    init(brand: Shared<Brand>, variables: [String: Variable], pack: Shared<LocalePack>, templateAt index: Int,
         file: SourceFile, previous: TemplateAnalysis? = nil) {
        func analyse(_ text: TemplateText, was old: Text?) -> Text {
            let map = ScalarSourceMap(text, in: file)
            // A parse and a bound depend on the text's value and the variables alone; its place in
            // the file is the new text's.
            if let old, old.text.value == text.value {
                return Text(text: text, map: map, message: old.message, syntaxError: old.syntaxError, bound: old.bound)
            }
            do {
                let message = try MessageParser.parse(text.value)
                return Text(text: text, map: map, message: message, syntaxError: nil,
                            bound: LengthBound.of(message, variables: variables))
            } catch {
                return Text(text: text, map: map, message: nil, syntaxError: error, bound: nil)
            }
        }
        let texts = pack.value.templates[index].variants, oldVariants = previous?.variants ?? []
        let variants = texts.indices.map { position in
            analyse(texts[position], was: oldVariants.indices.contains(position) ? oldVariants[position] : nil)
        }
        let dm = pack.value.templates[index].dm
        storage = Storage(brand: brand, pack: pack, templateIndex: index,
                          variants: variants, prefill: dm?.prefill.map { analyse($0, was: previous?.prefill) },
                          deepLinkWeight: dm == nil ? 0 : DeepLink.weight(separator: brand.value.deepLink.separator))
    }

    static func variables(of brand: Brand) -> [String: Variable] {
        Dictionary(brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension TemplateRepository {
    /// Every template of every readable pack of every brand with a readable brand.yaml, analysed;
    /// packs are analysed on every core.
    public var analyses: [TemplateAnalysis] {
        struct Work {
            var brand: Shared<Brand>
            var variables: [String: Variable]
            var pack: Shared<LocalePack>
            var file: SourceFile
        }
        var pending: [Work] = []
        for folder in brands {
            guard let brand = folder.brand else { continue }
            let variables = TemplateAnalysis.variables(of: brand)
            let shared = Shared(brand)
            for pack in folder.packs {
                guard let file = files[pack.file] else { continue }
                pending.append(Work(brand: shared, variables: variables, pack: Shared(pack), file: file))
            }
        }
        let work = pending
        let results = ResultSlots<[TemplateAnalysis]>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let item = work[index]
            results[index] = item.pack.value.templates.indices.map {
                TemplateAnalysis(brand: item.brand, variables: item.variables, pack: item.pack, templateAt: $0, file: item.file)
            }
        }
        var result: [TemplateAnalysis] = []
        result.reserveCapacity(templateCount)
        for index in work.indices { result += results[index] ?? [] }
        return result
    }
}
