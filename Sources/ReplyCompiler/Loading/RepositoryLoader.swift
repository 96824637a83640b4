import Dispatch
import Foundation
public import ReplyKit
package import ReplyKitSupport

/// Loads template repositories from disk into the source-mapped model.
///
/// Nothing here throws for a bad file: every problem becomes a ``Diagnostic`` in the result and the
/// other files are still read. Brand folders are read in parallel.
public struct RepositoryLoader: Sendable {
    public var limits: YAMLLimits
    /// Whether brand folders are read on several threads at once.
    public var parallel: Bool
    /// Bytes to read instead of the file at a path (an editor's unsaved buffers), by path.
    package var overlay: [String: [UInt8]] = [:]

    public init(limits: YAMLLimits = .default, parallel: Bool = true) {
        self.limits = limits
        self.parallel = parallel
    }

    /// Loads every brand folder (every subfolder) of `templatesDirectory`.
    public func load(templatesDirectory: String) -> TemplateRepository {
        let folders = FileReader.list(templatesDirectory)
            .map { PathText.join(templatesDirectory, $0) }
            .filter { FileReader.kind(of: $0) == .directory }
        return load(brandDirectories: folders, templatesDirectory: templatesDirectory)
    }

    /// Loads the given brand folders.
    public func load(brandDirectories: [String], templatesDirectory: String) -> TemplateRepository {
        let results = ResultSlots<BrandLoad>(count: brandDirectories.count)
        if parallel {
            DispatchQueue.concurrentPerform(iterations: brandDirectories.count) { index in
                results[index] = loadBrandFolder(brandDirectories[index])
            }
        } else {
            for index in brandDirectories.indices { results[index] = loadBrandFolder(brandDirectories[index]) }
        }
        var repository = TemplateRepository(templatesDirectory: templatesDirectory)
        for index in brandDirectories.indices {
            guard let load = results[index] else { continue }
            repository.brands.append(load.folder)
            for file in load.files {
                repository.files[file.path] = file
                repository.filePaths.append(file.path)
            }
            repository.diagnostics += load.diagnostics
        }
        return repository
    }

    package struct BrandLoad: Sendable {
        package var folder: TemplateRepository.BrandFolder
        package var files: [SourceFile]
        package var diagnostics: [Diagnostic]

        init(folder: TemplateRepository.BrandFolder, files: [SourceFile], diagnostics: [Diagnostic]) {
            self.folder = folder
            self.files = files
            self.diagnostics = diagnostics
        }

        /// Nothing read yet of the brand folder `directory` (whose name is the brand id `id`).
        package init(id: String, directory: String) {
            self.init(folder: .init(id: id, directory: directory, brand: nil, packs: []), files: [], diagnostics: [])
        }
    }

    /// Reads one brand folder: `brand.yaml` and every `<locale>.yaml` beside it.
    package func loadBrandFolder(_ directory: String) -> BrandLoad {
        let id = PathText.lastComponent(directory)
        var load = BrandLoad(folder: .init(id: id, directory: directory, brand: nil, packs: []), files: [], diagnostics: [])
        let names = FileReader.list(directory)
        let brandPath = PathText.join(directory, "brand.yaml")
        let packNames = names.filter { $0 != "brand.yaml" && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }

        if !SchemaReader.isIdentifier(id) {
            load.diagnostics.append(Diagnostic(
                rule: "schema", severity: .error, message: "brand folder `\(id)` is not a valid brand id",
                file: FileReader.kind(of: brandPath) == .missing ? directory : brandPath,
                range: nil, notes: ["a brand id is lowercase letters and digits in words joined by `-`"], brand: id))
        }
        if names.contains("brand.yaml") {
            load.folder.brand = loadBrand(brandPath, id: id, into: &load)
        } else {
            load.diagnostics.append(Diagnostic(
                rule: "schema", severity: .error, message: "brand folder `\(id)` has no brand.yaml",
                file: directory, range: nil,
                notes: packNames.isEmpty ? [] : ["its packs are checked without the brand: \(packNames.joined(separator: ", "))"],
                help: "add \(brandPath) with `name`, `account` and `default_locale`", brand: id))
        }
        for name in packNames {
            load.folder.packs.append(loadPack(PathText.join(directory, name), brand: id, into: &load))
        }
        return load
    }

    /// Reads `brand.yaml` of the brand folder `id`; nil (with diagnostics) when it cannot be read.
    package func loadBrand(_ brandPath: String, id: String, into load: inout BrandLoad) -> Brand? {
        guard let (file, document) = readYAML(brandPath, brand: id, locale: nil, into: &load) else { return nil }
        var reader = BrandReader(source: file, brand: id)
        let brand = YAMLDocument.read(document) { reader.read($0, id: id) }
        load.diagnostics += reader.reader.diagnostics
        return brand
    }

    /// Reads the pack at `path` of the brand folder `id`, with the checks of its file name.
    package func loadPack(_ path: String, brand id: String, into load: inout BrandLoad) -> LocalePack {
        let name = PathText.lastComponent(path)
        let stem = String(name.lastIndex(of: ".").map { name[..<$0] } ?? name[...])
        let fileLocale = LocaleTag(stem)
        if name.hasSuffix(".yml") {
            load.diagnostics.append(Diagnostic(
                rule: "schema", severity: .error, message: "pack file `\(name)` ends in `.yml`",
                file: path, range: nil, notes: ["packs are named `<locale>.yaml`"],
                help: "rename it to `\(stem).yaml`", brand: id, locale: fileLocale?.canonical))
        } else if fileLocale == nil {
            load.diagnostics.append(Diagnostic(
                rule: "schema", severity: .error, message: "pack file name `\(name)` is not a BCP 47 language tag",
                file: path, range: nil, notes: ["packs are named `<locale>.yaml`, as in `es-MX.yaml`"], brand: id))
        } else if let fileLocale, fileLocale.canonical != stem {
            load.diagnostics.append(Diagnostic(
                rule: "schema", severity: .error, message: "pack file name `\(name)` is not written canonically",
                file: path, range: nil, help: "rename it to `\(fileLocale.canonical).yaml`", brand: id,
                locale: fileLocale.canonical))
        }
        var pack = LocalePack(file: path, brand: id, fileLocale: fileLocale)
        guard let (file, document) = readYAML(path, brand: id, locale: fileLocale?.canonical, into: &load) else {
            // The pack exists even though it could not be read: other rules must not call it missing.
            pack.isReadable = false
            return pack
        }
        var reader = PackReader(source: file, brand: id, locale: fileLocale?.canonical)
        YAMLDocument.read(document) { reader.read($0, into: &pack) }
        load.diagnostics += reader.reader.diagnostics
        return pack
    }

    /// Reads and parses one file; nil (with a diagnostic) when it cannot be read or is not YAML.
    private func readYAML(_ path: String, brand: String, locale: String?, into load: inout BrandLoad)
        -> (SourceFile, YAMLDocument?)?
    {
        let bytes: [UInt8]
        let read: Result<[UInt8], FileReader.Failure>
        if let buffer = overlay[path] {
            read = buffer.count <= limits.maxBytes ? .success(buffer) : .failure(.tooLarge(bytes: buffer.count, limit: limits.maxBytes))
        } else {
            read = FileReader.read(path, limit: limits.maxBytes)
        }
        switch read {
        case .success(let read): bytes = read
        case .failure(let failure):
            load.diagnostics.append(Diagnostic(rule: "yaml-syntax", severity: .error, message: failure.message,
                                               file: path, range: nil, brand: brand, locale: locale))
            return nil
        }
        let file = SourceFile(path: path, bytes: bytes)
        load.files.append(file)
        do {
            return (file, try YAMLParser.document(file, limits: limits))
        } catch {
            load.diagnostics.append(error.diagnostic(file: file, brand: brand, locale: locale))
            return nil
        }
    }
}

extension YAMLError {
    /// The `yaml-syntax` diagnostic for this error.
    func diagnostic(file: SourceFile, brand: String?, locale: String?) -> Diagnostic {
        var notes: [String] = []
        var help: String?
        if let context {
            notes.append("\(context.message) at \(file.path):\(context.location)")
        }
        switch reason {
        case .syntax:
            if location.offset < file.bytes.count, file.bytes[location.offset] == 0x09 {
                help = "YAML indents with spaces, not tabs"
            } else if let line = Self.lineWithValueStartingWithBrace(file, from: context?.location.line ?? location.line,
                                                                     to: location.line) {
                notes.append("a plain YAML scalar cannot start with `{`: YAML reads `{...}` on line \(line) as a flow mapping")
                help = "quote the text: put it in double quotes, or use a block scalar (`>-`)"
            }
        case .aliasBudgetExceeded:
            notes.append("this looks like an alias bomb (\"billion laughs\"): each alias repeats its anchor")
        case .tooDeep:
            help = "template files need only a few levels of nesting"
        case .multipleDocuments:
            help = "keep one document per file: remove the `---` line and what follows, or move it to its own file"
        default:
            break
        }
        return Diagnostic(rule: "yaml-syntax", severity: .error, message: message, file: file.path,
                          range: SourceRange(at: location), notes: notes, help: help, brand: brand, locale: locale)
    }
}

extension YAMLError {
    /// The first line in `lines` whose value (after `key:` or `- `) starts with `{`.
    static func lineWithValueStartingWithBrace(_ file: SourceFile, from first: Int, to last: Int) -> Int? {
        guard first <= last else { return nil }
        for number in first...last {
            let text = file.line(number)
            var rest = Substring(text).drop { $0 == " " }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            if let colon = rest.range(of: ": ") { rest = rest[colon.upperBound...].drop { $0 == " " } }
            if rest.hasPrefix("{") && !rest.hasPrefix("{}") { return number }
        }
        return nil
    }
}
