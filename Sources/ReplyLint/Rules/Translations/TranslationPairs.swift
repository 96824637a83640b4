import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Each pack of a brand beside the pack of its default locale, which defines the catalogue.
struct TranslationPairs {
    struct Pair {
        var brand: Brand
        var source: LocalePack
        var translation: LocalePack
    }

    static func pairs(_ context: LintContext) -> [Pair] {
        var result: [Pair] = []
        for (folder, brand) in context.brands {
            guard let tag = brand.defaultLocale?.value,
                  let source = folder.packs.first(where: { $0.tag == tag && $0.isReadable }) else { continue }
            for pack in folder.packs where pack.tag != tag && pack.isReadable && pack.tag != nil {
                result.append(Pair(brand: brand, source: source, translation: pack))
            }
        }
        return result
    }

    /// The pairs, each with what `summarize` makes of its source pack: made once per source, which
    /// all the brand's other packs share, rather than once per pair.
    static func pairs<Summary>(_ context: LintContext, withSource summarize: (LocalePack) -> Summary) -> [(Pair, Summary)] {
        var result: [(Pair, Summary)] = []
        var last: (file: String, summary: Summary)?
        for pair in pairs(context) {
            if last?.file != pair.source.file { last = (pair.source.file, summarize(pair.source)) }
            if let last { result.append((pair, last.summary)) }
        }
        return result
    }

    /// `value` of each template of `pack` by id; the first template of an id that repeats.
    static func byID<Value>(_ pack: LocalePack, _ value: (Template) -> Value) -> [String: Value] {
        var result: [String: Value] = [:]
        // By index: copying each `Template` out of the array retains every field of it.
        for index in pack.templates.indices where result[pack.templates[index].id.value] == nil {
            result[pack.templates[index].id.value] = value(pack.templates[index])
        }
        return result
    }
}
