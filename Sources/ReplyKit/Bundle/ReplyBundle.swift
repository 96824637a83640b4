import Foundation
package import ReplyKitSupport

/// A compiled library as one versioned JSON file (`replykit compile`): the compiled form of every
/// template, the brands' variables, accounts and deep-link settings, and the locale data rendering
/// needs. ``ReplyLibrary`` loads it without YAML or template parsing.
///
/// Each compiled type declares its fields once (``BundleCodable``); writing and reading both walk
/// that list.
public enum ReplyBundle {
    /// The `format` field of every bundle.
    public static let format = "replykit-bundle"
    /// Bumped whenever a field changes meaning; a library refuses a version it does not know.
    public static let version = 3

    /// Why a bundle could not be loaded.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The bundle of `library` as JSON text.
    public static func encode(_ library: ReplyLibrary, generator: String) -> String {
        JSONValue.object([
            ("format", .string(format)), ("version", .int(version)), ("generator", .string(generator)),
            ("brands", .array(library.compiledBrands.map(BundleCoding.encode))),
            ("locales", .array(library.locales.entries.values.sorted { $0.tag < $1.tag }.map(BundleCoding.encode))),
            ("locale_data", .array(library.localeSources.map(BundleCoding.encode))),
        ]).serialized()
    }

    /// The library a bundle holds.
    public static func decode(_ text: String) throws(ReadError) -> ReplyLibrary {
        try decode(bytes: Array(text.utf8))
    }

    /// The library the bundle in `bytes` holds. Brands are read on every core; each template is
    /// found, not decoded: ``TemplateSource`` decodes it on first use.
    package static func decode(bytes: [UInt8]) throws(ReadError) -> ReplyLibrary {
        var scanner = JSONScanner(bytes)
        var sawFormat = false
        var brandStarts: [Int] = []
        var locales: [LocaleRules.Entry] = []
        var localeSources: [LocaleSource] = []
        do {
            try scanner.enterObject()
            while let key = try scanner.nextKey() {
                switch key {
                case "format":
                    guard try scanner.optionalString() == format else { throw ReadError(message: "not a ReplyKit bundle (no `format: \(format)`)") }
                    sawFormat = true
                case "version":
                    let found = try? scanner.intValue()
                    guard found == version else {
                        throw ReadError(message: "bundle version \(found.map(String.init) ?? "?") is not \(version): compile it again with this version of replykit")
                    }
                case "brands":
                    try scanner.enterArray()
                    while try scanner.nextItem() {
                        brandStarts.append(scanner.i)
                        try scanner.skip()
                    }
                case "locales":
                    try scanner.enterArray()
                    while try scanner.nextItem() { locales.append(try BundleCoding.read(LocaleRules.Entry.self, from: &scanner)) }
                case "locale_data":
                    try scanner.enterArray()
                    while try scanner.nextItem() { localeSources.append(try BundleCoding.read(LocaleSource.self, from: &scanner)) }
                default:
                    try scanner.skip()
                }
            }
            guard scanner.peek() == nil else { throw scanner.error("unexpected text after the bundle") }
        } catch {
            throw readError(error)
        }
        guard sawFormat else { throw ReadError(message: "not a ReplyKit bundle (no `format: \(format)`)") }
        let starts = brandStarts
        let decoded = ResultSlots<Result<CompiledBrand, ReadError>>(count: starts.count)
        DispatchQueue.concurrentPerform(iterations: starts.count) { index in
            var brand = JSONScanner(bytes)
            brand.i = starts[index]
            decoded[index] = Result { () throws(ReadError) in
                do { return try BundleCoding.read(CompiledBrand.self, from: &brand) } catch { throw readError(error) }
            }
        }
        var brands: [CompiledBrand] = []
        var ids: Set<String> = []
        for index in starts.indices {
            guard let result = decoded[index] else { throw ReadError(message: "a brand was not read") }
            let brand = try result.get()
            guard ids.insert(brand.id).inserted else { throw ReadError(message: "brand `\(brand.id)` is in the bundle twice") }
            brands.append(brand)
        }
        return ReplyLibrary(brands: brands, locales: LocaleRules(locales), localeSources: localeSources)
    }

    /// A pack's locale and its templates, each found by its id and left for ``TemplateSource``.
    package static func readPack(_ scanner: inout JSONScanner) throws -> (LocaleTag, [String: TemplateSource]) {
        var tag: LocaleTag?
        var templates: [String: TemplateSource] = [:]
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "locale": tag = try BundleCoding.tag(try scanner.stringValue())
            case "templates":
                try scanner.enterArray()
                while try scanner.nextItem() {
                    let start = scanner.i
                    var id: String?
                    try scanner.enterObject()
                    while let field = try scanner.nextKey() {
                        guard field == "id" else {
                            try scanner.skip()
                            continue
                        }
                        id = try scanner.stringValue()
                        // The rest is read when the template is first used.
                        try scanner.skipRest()
                        break
                    }
                    guard let id, !id.isEmpty else { throw BundleCoding.Failure("a template has no `id`") }
                    templates[id] = TemplateSource(bundle: scanner.bytes, at: start, id: id)
                }
            default: try scanner.skip()
            }
        }
        guard let tag else { throw BundleCoding.Failure("a pack has no locale") }
        return (tag, templates)
    }

    private static func readError(_ error: any Error) -> ReadError {
        switch error {
        case let error as ReadError: error
        case let error as JSONScanner.ParseError: ReadError(message: "the bundle is not valid: \(error.message)")
        case let error as BundleCoding.Failure: ReadError(message: "the bundle is not valid: \(error.description)")
        default: ReadError(message: "\(error)")
        }
    }
}

extension ReplyLibrary {
    /// Loads the bundle `replykit compile` wrote at `path`: no YAML, no template parsing, and each
    /// template decoded on first use.
    public init(bundleAt path: String) throws(RenderError) {
        let bytes: [UInt8]
        switch FileContents.read(path) {
        case .success(let read): bytes = read
        case .failure(let problem): throw RenderError(.invalidRequest, problem.message)
        }
        do {
            self = try ReplyBundle.decode(bytes: bytes)
        } catch {
            throw RenderError(.invalidRequest, "\(path): \(error.message)")
        }
    }
}
