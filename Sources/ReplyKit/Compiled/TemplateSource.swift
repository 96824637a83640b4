import Synchronization
package import ReplyKitSupport

/// A compiled template, or where a bundle holds one: a bundle's templates are decoded on first use,
/// so loading a bundle costs a scan of its bytes and not the building of every message.
package final class TemplateSource: Sendable {
    private let bytes: [UInt8]
    private let offset: Int
    private let id: String
    private let decoded = AtomicLazyReference<Shared<CompiledTemplate>>()

    package init(_ template: CompiledTemplate) {
        (bytes, offset, id) = ([], 0, template.id)
        _ = decoded.storeIfNil(Shared(template))
    }

    /// The template whose JSON object starts at `offset` in a bundle's `bytes`.
    package init(bundle bytes: [UInt8], at offset: Int, id: String) {
        (self.bytes, self.offset, self.id) = (bytes, offset, id)
    }

    /// The template; one the bundle holds damaged renders as invalid, naming what is wrong.
    package var template: CompiledTemplate {
        if let cached = decoded.load() { return cached.value }
        var scanner = JSONScanner(bytes)
        scanner.i = offset
        var template: CompiledTemplate
        do {
            template = try BundleCoding.read(CompiledTemplate.self, from: &scanner)
            if let bad = template.variants.firstIndex(where: { !$0.isWellFormed }) {
                template = CompiledTemplate(id: id, invalid: "its entry in the bundle is damaged (variant \(bad) names a slot it has no variable for, or nests too deeply)")
            } else if template.id != id {
                template = CompiledTemplate(id: id, invalid: "its entry in the bundle is damaged (its id is not `\(id)`)")
            }
        } catch {
            template = CompiledTemplate(id: id, invalid: "its entry in the bundle is damaged (\(error))")
        }
        return decoded.storeIfNil(Shared(template)).value
    }
}
