/// The JSON Schemas of ReplyKit's YAML files, made from the definitions their readers read by.
package enum FileSchemas {
    /// A template, brand or campaign id.
    package static let identifierPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    /// A BCP 47 tag as ``LocaleTag`` accepts it, written canonically (`es-MX`, `zh-Hant-TW`, `es-419`).
    package static let localeTagPattern =
        "^([a-z]{2,3}|[a-z]{5,8})(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$"

    /// An ISO 8601 date, or a date-time with `Z` or an offset, as ``ISODate`` reads it (which also
    /// checks that the day exists in its month).
    package static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
        + #"([Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$"#

    static let localeTag = ValueSchema.string(pattern: localeTagPattern)
    static let date = ValueSchema.string(pattern: datePattern)

    /// The kinds of file `replykit schema` describes, by the word the command takes.
    package enum Kind: String, CaseIterable, Sendable {
        case brand, pack, locale, config
    }

    /// Where the schemas are published in the repository and what their `$id`s are made of: an
    /// identifier, not a location (editors are pointed at the files, see docs/schemas.md).
    package static func identifier(of kind: Kind) -> String { "urn:replykit:schema:\(kind.rawValue):1" }

    package static let brand = SchemaDocument(
        id: identifier(of: .brand), title: "ReplyKit brand (brand.yaml)", root: BrandReader.schema.value)

    package static let pack = SchemaDocument(
        id: identifier(of: .pack), title: "ReplyKit locale pack (<locale>.yaml)", root: PackReader.schema.value,
        definitions: [(PackReader.templateDefinition, PackReader.templateSchema.value)])

    package static let locale = SchemaDocument(
        id: identifier(of: .locale), title: "ReplyKit locale data (locales/<tag>.yaml)", root: LocaleDataReader.schema.value)
}

/// One file kind's schema: its identifier, title, root shape and the shapes it defines once.
package struct SchemaDocument: Sendable {
    package let id: String
    package let title: String
    package let root: ValueSchema
    package let definitions: [(name: String, value: ValueSchema)]

    package init(id: String, title: String, root: ValueSchema, definitions: [(name: String, value: ValueSchema)] = []) {
        self.id = id
        self.title = title
        self.root = root
        self.definitions = definitions
    }
}
