import Foundation
import ReplyCompiler
import ReplyKit

/// Renders templates with their variables' `example` values through the real renderer, so a card
/// shows exactly what `replykit render --examples` gives.
///
/// The library is made with every campaign approved and without a window: a preview shows a
/// campaign's replies whether or not it is open now (the index says when it is).
struct ExampleRenderer: Sendable {
    let library: ReplyLibrary
    private let examples: [String: [String: ReplyValue]]

    init(repository: TemplateRepository, analyses: [TemplateAnalysis]) {
        var opened = repository
        var examples: [String: [String: ReplyValue]] = [:]
        for index in opened.brands.indices {
            guard var brand = opened.brands[index].brand else { continue }
            for campaign in brand.campaigns.indices {
                brand.campaigns[campaign].status = Located(.approved, range: brand.campaigns[campaign].range)
                brand.campaigns[campaign].starts = nil
                brand.campaigns[campaign].ends = nil
            }
            opened.brands[index].brand = brand
            var values: [String: ReplyValue] = [:]
            for variable in brand.variables { if let example = variable.example { values[variable.name.value] = .text(example.value) } }
            examples[brand.id] = values
        }
        library = ReplyLibrary(repository: opened, analyses: analyses)
        self.examples = examples
    }

    /// The reply of `variant` of `template` in the pack `locale`, or why there is none.
    func render(brand: String, template: String, locale: String, variant: Int) -> Result<Reply, RenderError> {
        do throws(RenderError) {
            let reply = try library.render("\(brand)/\(template)", locale: locale, values: examples[brand] ?? [:], variant: variant)
            guard reply.locale.canonical == locale else {
                return .failure(RenderError(.unknownLocale, "the \(locale) pack's copy cannot be rendered: \(reply.locale.canonical) was used"))
            }
            return .success(reply)
        } catch {
            return .failure(error)
        }
    }
}
