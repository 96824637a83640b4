public import ReplyKit
package import ReplyKitSupport
extension RepositoryLoader {
    /// Reads a pack from bytes held in memory, as loading reads one from disk (the checks of its file
    /// name aside): for `lint --fix`, which reads an edited pack back before it writes it.
    ///
    /// `pack` is nil when the bytes are not YAML; `diagnostics` then holds the `yaml-syntax` finding.
    public func readPack(_ file: SourceFile, brand: String, fileLocale: LocaleTag?)
        -> (pack: LocalePack?, diagnostics: [Diagnostic])
    {
        let locale = fileLocale?.canonical
        let document: YAMLDocument?
        do {
            document = try YAMLParser.document(file, limits: limits)
        } catch {
            return (nil, [error.diagnostic(file: file, brand: brand, locale: locale)])
        }
        var pack = LocalePack(file: file.path, brand: brand, fileLocale: fileLocale)
        var reader = PackReader(source: file, brand: brand, locale: locale)
        YAMLDocument.read(document) { reader.read($0, into: &pack) }
        return (pack, reader.reader.diagnostics)
    }
}
