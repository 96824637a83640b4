import ReplyCompiler

extension FileSchemas {
    /// The schema of one kind of file; the configuration's lists the rules of `catalogue`.
    package static func document(for kind: Kind, catalogue: RuleCatalogue = .standard) -> SchemaDocument {
        switch kind {
        case .brand: brand
        case .pack: pack
        case .locale: locale
        case .config: LintConfiguration.schemaDocument(catalogue: catalogue)
        }
    }

    /// The JSON text `replykit schema KIND` prints and `schemas/KIND.schema.json` holds.
    package static func text(for kind: Kind, catalogue: RuleCatalogue = .standard) -> String {
        JSONSchemaGenerator.text(of: document(for: kind, catalogue: catalogue))
    }

    /// The committed file of a kind, relative to the package root.
    package static func fileName(of kind: Kind) -> String { "schemas/\(kind.rawValue).schema.json" }
}
