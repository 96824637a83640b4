import ReplyCompiler
import ReplyKitSupport

/// The kinds of a brand's files that a rule's findings may fall on.
///
/// A caller that keeps the findings of some files only (the language server re-checking one pack)
/// leaves out the rules that cannot report on any of them.
public struct ReportedFiles: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The brand's `brand.yaml`, and its folder (for findings about the folder).
    public static let brand = ReportedFiles(rawValue: 1 << 0)
    /// The pack of the brand's default locale, which defines the catalogue.
    public static let sourcePack = ReportedFiles(rawValue: 1 << 1)
    /// The brand's other packs.
    public static let translations = ReportedFiles(rawValue: 1 << 2)
    public static let all: ReportedFiles = [.brand, .sourcePack, .translations]

    /// What `file` is in `repository`: `.all` for a file of no brand, since nothing says which
    /// rules may report on it. A pack named after the default locale whose `locale` says otherwise
    /// is both a source and a translation: rules disagree about which it is.
    package init(of file: String, in repository: TemplateRepository) {
        for folder in repository.brands {
            if file == folder.directory || file == PathText.join(folder.directory, "brand.yaml") {
                self = .brand
                return
            }
            guard let pack = folder.packs.first(where: { $0.file == file }) else { continue }
            let source = folder.brand?.defaultLocale?.value
            self = []
            if source == nil || folder.isSourcePack(pack) { insert(.sourcePack) }
            if pack.tag != source { insert(.translations) }
            return
        }
        self = .all
    }

    /// What the files of `files` are in `repository`, together.
    package init(of files: Set<String>, in repository: TemplateRepository) {
        self = files.reduce(into: []) { $0.formUnion(ReportedFiles(of: $1, in: repository)) }
    }
}
