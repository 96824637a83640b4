public import ReplyKit
package import ReplyKitSupport
/// All locale data known: built-in files, overridden field by field by a repository's `locales/`.
public struct LocaleCatalog: Sendable {
    /// By lowercased canonical tag.
    public private(set) var files: [String: LocaleData]

    public init(_ files: [LocaleData]) {
        var byTag: [String: LocaleData] = [:]
        for file in files { byTag[file.tag.canonical.lowercased()] = file }
        self.files = byTag
    }

    /// A catalogue where each of `overrides` replaces the fields it sets.
    public func overridden(by overrides: [LocaleData]) -> LocaleCatalog {
        var result = self
        for data in overrides {
            let key = data.tag.canonical.lowercased()
            result.files[key] = result.files[key].map { $0.overridden(by: data) } ?? data
        }
        return result
    }

    public func data(for tag: LocaleTag) -> LocaleData? { files[tag.canonical.lowercased()] }

    /// The data file for `tag`: its own, else the nearest after dropping subtags (`ar-SA` → `ar`).
    public func file(for tag: LocaleTag) -> LocaleData? {
        var candidate: LocaleTag? = tag
        while let current = candidate {
            if let data = data(for: current) { return data }
            candidate = current.truncated
        }
        return nil
    }

    /// What a file inherits from: its `parent`, else its tag without the last subtag.
    func inheritsFrom(_ data: LocaleData) -> LocaleData? {
        if let parent = data.parent { return file(for: parent.value) }
        return data.tag.truncated.flatMap(file(for:))
    }

    /// The locale data in force for `tag`; nil when no file covers it (a `locale-data` error).
    /// Fields missing all along the chain default to left-to-right, `other` only, no terms.
    public func resolve(_ tag: LocaleTag) -> ResolvedLocale? {
        guard let first = file(for: tag) else { return nil }
        var chain: [LocaleData] = []
        var current: LocaleData? = first
        // A parent cycle is reported by lint; here it only ends the walk.
        while let data = current, !chain.contains(where: { $0.tag == data.tag }), chain.count < 16 {
            chain.append(data)
            current = inheritsFrom(data)
        }
        var terms: [String: [String]] = [:]
        var copySafety = CopySafetyData()
        for data in chain.reversed() {
            terms.merge(data.terms) { _, specific in specific }
            if let more = data.copySafety { copySafety = copySafety.extended(by: more) }
        }
        return ResolvedLocale(tag: tag, chain: chain.map(\.tag),
                              direction: chain.lazy.compactMap(\.direction).first ?? .ltr,
                              plural: chain.lazy.compactMap(\.plural).first ?? .otherOnly,
                              terms: terms, copySafety: copySafety)
    }

    /// The built-in data from the package's `locales/` folder, compiled into the library.
    public static let builtIn: LocaleCatalog = {
        var files: [LocaleData] = []
        for (name, text) in BuiltinLocales.files {
            let source = SourceFile(path: "built-in:\(name)", bytes: Array(text.utf8))
            let read = LocaleDataReader.read(source)
            // The package's tests keep the built-in files free of diagnostics.
            if let data = read.data { files.append(data) }
        }
        return LocaleCatalog(files)
    }()
}
