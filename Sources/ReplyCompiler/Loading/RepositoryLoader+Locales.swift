public import ReplyKit
package import ReplyKitSupport
extension RepositoryLoader {
    /// Loads what discovery found for one path: its brand folders (or every one), then, when
    /// `localesDirectory` is given, that folder's locale data over the built-in data.
    public func load(_ target: RepositoryDiscovery.Target, localesDirectory: String?) -> TemplateRepository {
        var repository = target.brandDirectories.map {
            load(brandDirectories: $0, templatesDirectory: target.templatesDirectory)
        } ?? load(templatesDirectory: target.templatesDirectory)
        if let localesDirectory { loadLocaleData(directory: localesDirectory, into: &repository) }
        return repository
    }

    /// Reads a repository's `locales/` folder (every `<tag>.yaml`) over the built-in locale data,
    /// field by field. A missing folder changes nothing; a bad file is reported and skipped.
    public func loadLocaleData(directory: String, into repository: inout TemplateRepository) {
        guard FileReader.kind(of: directory) == .directory else { return }
        var files: [SourceFile] = []
        for name in FileReader.list(directory).sorted() where name.hasSuffix(".yaml") {
            let path = PathText.join(directory, name)
            switch FileReader.read(path, limit: limits.maxBytes) {
            case .failure(let failure):
                repository.diagnostics.append(Diagnostic(rule: "yaml-syntax", severity: .error, message: failure.message,
                                                         file: path, range: nil))
            case .success(let bytes):
                files.append(SourceFile(path: path, bytes: bytes))
            }
        }
        loadLocaleData(files: files, into: &repository)
    }

    /// Reads locale data files already in memory (a bundle carries a repository's own) over the
    /// locale data of `repository`, as ``loadLocaleData(directory:into:)`` reads a folder's.
    public func loadLocaleData(files: [SourceFile], into repository: inout TemplateRepository) {
        var overrides: [LocaleData] = []
        for file in files {
            let path = file.path
            repository.localeFiles.append(path)
            if repository.files[path] == nil {
                repository.files[path] = file
                repository.filePaths.append(path)
            }
            let read = LocaleDataReader.read(file, limits: limits)
            repository.diagnostics += read.diagnostics
            if let data = read.data { overrides.append(data) }
        }
        repository.locales = repository.locales.overridden(by: overrides)
        for data in overrides {
            guard let parent = data.parent, repository.locales.file(for: parent.value) == nil else { continue }
            repository.diagnostics.append(Diagnostic(
                rule: "locale-data", severity: .error,
                message: "`parent` names `\(parent.value)`, which has no locale data", file: data.file,
                range: parent.range, notes: ["built-in data covers \(repository.locales.files.count) locales; a repository adds more in `locales/`"],
                locale: data.tag.canonical))
        }
    }
}
