public import ReplyKit
package import ReplyKitSupport
/// A loaded template repository: every brand, pack and file, with what loading found wrong.
///
/// Loading never throws for a bad file: problems are in `diagnostics`, and everything that could be
/// read is in the model.
public struct TemplateRepository: Sendable {
    public struct BrandFolder: Sendable {
        public var id: String
        public var directory: String
        /// Nil when `brand.yaml` is missing or could not be read.
        public var brand: Brand?
        public var packs: [LocalePack]

        /// Whether `pack` is the default locale's, by its `locale` or by its file name; false when
        /// brand.yaml names no default locale.
        package func isSourcePack(_ pack: LocalePack) -> Bool {
            guard let tag = brand?.defaultLocale?.value else { return false }
            return pack.tag == tag || pack.fileLocale == tag
        }
    }

    /// The folder holding the brand folders.
    public var templatesDirectory: String
    public var brands: [BrandFolder]
    /// Every file that was read, by path.
    public var files: [String: SourceFile]
    /// Files in the order they were read.
    public var filePaths: [String]
    public var diagnostics: [Diagnostic]
    /// Built-in locale data, overridden by the repository's own `locales/` when it was loaded.
    public var locales: LocaleCatalog = .builtIn
    /// The paths of the repository's own locale data files that were read, in order (their text is
    /// in `files`).
    public var localeFiles: [String] = []

    public init(templatesDirectory: String) {
        self.templatesDirectory = templatesDirectory
        self.brands = []
        self.files = [:]
        self.filePaths = []
        self.diagnostics = []
    }

    /// The number of templates over all packs (a template in three locales counts three times).
    public var templateCount: Int { brands.reduce(0) { $0 + $1.packs.reduce(0) { $0 + $1.templates.count } } }
}

extension TemplateRepository {
    /// Adds another load's brands, files and diagnostics (for several paths on one command line);
    /// a brand folder loaded twice is kept once.
    public mutating func merge(_ other: TemplateRepository) {
        let known = Set(brands.map(\.directory))
        for folder in other.brands where !known.contains(folder.directory) {
            brands.append(folder)
        }
        for path in other.filePaths where files[path] == nil {
            files[path] = other.files[path]
            filePaths.append(path)
        }
        let seen = Set(diagnostics)
        diagnostics += other.diagnostics.filter { !seen.contains($0) }
    }
}
