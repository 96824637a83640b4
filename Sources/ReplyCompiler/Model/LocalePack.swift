public import ReplyKit
package import ReplyKitSupport
/// One locale's templates for one brand (`templates/<brand>/<locale>.yaml`).
public struct LocalePack: Sendable {
    public var file: String
    /// The brand folder's name.
    public var brand: String
    /// The tag the file is named after.
    public var fileLocale: LocaleTag?
    /// The `locale` key as written.
    public var locale: Located<LocaleTag>?
    /// Plain and campaign templates, in file order.
    public var templates: [Template]
    /// False when the file could not be read or parsed: it exists, but has no templates to check.
    public var isReadable = true
    /// The campaign ids under `campaigns:`, where they are written.
    public var campaigns: [Located<String>]

    public init(file: String, brand: String, fileLocale: LocaleTag?) {
        self.file = file
        self.brand = brand
        self.fileLocale = fileLocale
        self.templates = []
        self.campaigns = []
    }

    /// The tag this pack stands for: its `locale` key, else its file name.
    public var tag: LocaleTag? { locale?.value ?? fileLocale }

    public func template(_ id: String) -> Template? { templates.first { $0.id.value == id } }
}
