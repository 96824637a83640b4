import Dispatch
public import ReplyKit
package import ReplyKitSupport

extension TemplateAnalysis {
    /// The analyses of every template of `pack` (read from `file`), in file order, made in slices on
    /// every core: for one pack read again while the others' analyses stand.
    package static func analyses(of pack: LocalePack, brand: Brand, file: SourceFile) -> [TemplateAnalysis] {
        let sharedBrand = Shared(brand), sharedPack = Shared(pack), variables = Self.variables(of: brand)
        let count = pack.templates.count
        let slices = max(1, min(8, count / 64))
        let results = ResultSlots<[TemplateAnalysis]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            results[slice] = (count * slice / slices..<count * (slice + 1) / slices).map {
                TemplateAnalysis(brand: sharedBrand, variables: variables, pack: sharedPack, templateAt: $0, file: file)
            }
        }
        return (0..<slices).flatMap { results[$0] ?? [] }
    }
}
