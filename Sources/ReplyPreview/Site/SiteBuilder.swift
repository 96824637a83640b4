import Foundation
import ReplyCompiler
import ReplyKitSupport
import ReplyLint

/// Makes every page of the site from one lint run: the indexes, a page per template of each
/// brand, and the assets. Brands are made on every core.
struct SiteBuilder {
    var result: LintResult
    var analyses: [TemplateAnalysis]
    var now: Date

    func pages() -> [SitePage] {
        let model = PreviewModel(result: result, analyses: analyses, now: now)
        let renderer = ExampleRenderer(repository: result.repository, analyses: analyses)
        var pages = [
            SitePage(path: SiteLayout.stylesheet, text: Array(Stylesheet.css.utf8)),
            SitePage(path: SiteLayout.script, text: Array(Script.js.utf8)),
            SitePage(path: SiteLayout.index, text: IndexPages.repository(model)),
        ]
        let brands = model.brands
        let now = self.now
        let made = ResultSlots<[SitePage]>(count: brands.count)
        DispatchQueue.concurrentPerform(iterations: brands.count) { index in
            let brand = brands[index]
            let variables = Dictionary(brand.brand.variables.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
            var pages = [SitePage(path: SiteLayout.brandIndex(brand.id), text: IndexPages.brand(brand, now: now))]
            pages.reserveCapacity(brand.templates.count + 1)
            for template in brand.templates {
                pages.append(SitePage(path: SiteLayout.templatePage(brand: brand.id, template: template.id),
                                      text: TemplatePage(brand: brand, template: template, renderer: renderer, variables: variables, now: now).html()))
            }
            made[index] = pages
        }
        for index in brands.indices { pages += made[index] ?? [] }
        return pages
    }
}
