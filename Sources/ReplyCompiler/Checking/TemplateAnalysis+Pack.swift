import Dispatch
public import ReplyKit
package import ReplyKitSupport

extension TemplateAnalysis {
    /// The analyses of every template of `pack` (read from `file`), in file order, made in slices on
    /// every core: for one pack read again while the others' analyses stand.
    ///
    /// `previous`: analyses made with the same brand (an earlier reading of the pack); a text that
    /// reads as it did in the template of the same id is not parsed and measured again, only placed
    /// in the new file. An edit of one template leaves the other texts of a thousand-template pack
    /// as they were.
    package static func analyses(of pack: LocalePack, brand: Brand, file: SourceFile,
                                 reusing previous: [TemplateAnalysis] = []) -> [TemplateAnalysis] {
        let sharedBrand = Shared(brand), sharedPack = Shared(pack), variables = Self.variables(of: brand)
        // By id, which is short: hashing the texts themselves would cost about what parsing them does.
        let known = Dictionary(previous.map { ($0.template.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let count = pack.templates.count
        let slices = max(1, min(8, count / 64))
        let results = ResultSlots<[TemplateAnalysis]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            results[slice] = (count * slice / slices..<count * (slice + 1) / slices).map {
                TemplateAnalysis(brand: sharedBrand, variables: variables, pack: sharedPack, templateAt: $0, file: file,
                                 previous: known[pack.templates[$0].id.value])
            }
        }
        return (0..<slices).flatMap { results[$0] ?? [] }
    }
}
