import ReplyKit
import ReplyCompiler
import ReplyKitSupport

/// Which text of a pack: a template (by its index in the pack) and one of its variants, or its
/// DM prefill.
package struct TextField: Sendable, Hashable, Comparable {
    package var template: Int
    /// Nil for the DM prefill.
    package var variant: Int?

    package init(template: Int, variant: Int?) {
        self.template = template
        self.variant = variant
    }

    package static func < (a: TextField, b: TextField) -> Bool {
        (a.template, a.variant ?? Int.max) < (b.template, b.variant ?? Int.max)
    }

    /// The field's text in `pack`, if it has it.
    func text(in pack: LocalePack) -> TemplateText? {
        guard pack.templates.indices.contains(template) else { return nil }
        let found = pack.templates[template]
        guard let variant else { return found.dm?.prefill }
        return found.variants.indices.contains(variant) ? found.variants[variant] : nil
    }
}
