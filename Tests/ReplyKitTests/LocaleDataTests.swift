import Foundation
import Testing
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

@Suite struct LocaleDataTests {
    static let required = ["en", "en-US", "en-GB", "es", "es-MX", "es-ES", "pt", "pt-BR", "fr", "fr-CA", "de", "it",
                           "nl", "ja", "zh-Hans", "zh-Hant", "ko", "ar", "he", "ru", "pl", "tr", "hi", "id"]

    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    @Test func everyBuiltInFileReadsCleanly() {
        for (name, text) in BuiltinLocales.files {
            let read = LocaleDataReader.read(SourceFile(path: "built-in:\(name)", bytes: Array(text.utf8)))
            #expect(read.diagnostics.isEmpty, "\(name): \(read.diagnostics.map(\.message))")
            #expect(read.data?.tag.canonical == name)
        }
    }

    @Test(arguments: required)
    func everyRequiredLocaleResolvesWithRulesAndTerms(tag: String) throws {
        let localeTag = try #require(LocaleTag(tag))
        let resolved = try #require(LocaleCatalog.builtIn.resolve(localeTag))
        #expect(LocaleCatalog.builtIn.data(for: localeTag) != nil, "\(tag) has its own file")
        let grammar = resolved.copySafety
        #expect(!grammar.privateItems.isEmpty && !grammar.secrets.isEmpty && !grammar.redirects.isEmpty, "\(tag) has copy-safety items")
        #expect(!grammar.asks.isEmpty && !grammar.negations.isEmpty, "\(tag) has asks and negations")
        #expect(grammar.wordOrder != nil, "\(tag) says where its verbs go")
        #expect(resolved.direction == (["ar", "he"].contains(resolved.tag.language) ? .rtl : .ltr))
    }

    @Test func embeddedDataMatchesTheLocalesFolder() throws {
        let folder = Self.packageRoot.appendingPathComponent("locales")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(names.count == BuiltinLocales.files.count, "run `make locales`")
        for (name, text) in BuiltinLocales.files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            #expect(onDisk.trimmingCharacters(in: .newlines) == text, "locales/\(name).yaml changed: run `make locales`")
        }
    }

    @Test func inheritanceFollowsParentsThenDroppedSubtags() throws {
        let catalog = LocaleCatalog.builtIn
        let mexico = try #require(catalog.resolve(LocaleTag("es-MX")!))
        #expect(mexico.chain.map(\.canonical) == ["es-MX", "es"])
        #expect(mexico.plural.category(for: 1) == .one)
        #expect(mexico.plural.category(for: 1_000_000) == .many)
        // No file for ar-SA or zh-Hant-TW: the nearest after dropping subtags.
        #expect(catalog.resolve(LocaleTag("ar-SA")!)?.chain.first?.canonical == "ar")
        #expect(catalog.resolve(LocaleTag("zh-Hant-TW")!)?.chain.first?.canonical == "zh-Hant")
        #expect(catalog.resolve(LocaleTag("xx")!) == nil)
    }

    @Test func aRepositoryFileOverridesFieldByField() throws {
        let text = "locale: es-MX\nterms:\n  secrets: [clave]\n"
        let read = LocaleDataReader.read(SourceFile(path: "locales/es-MX.yaml", bytes: Array(text.utf8)))
        #expect(read.diagnostics.isEmpty)
        let data = try #require(read.data)
        let catalog = LocaleCatalog.builtIn.overridden(by: [data])
        let resolved = try #require(catalog.resolve(LocaleTag("es-MX")!))
        #expect(resolved.terms["secrets"] == ["clave"])
        // What the override does not set stays: other term lists, plural rules, name.
        #expect(resolved.copySafety.privateItems.contains { $0.names.contains("número de pedido") })
        #expect(resolved.plural.categories == [.one, .many, .other])
        #expect(catalog.data(for: LocaleTag("es-MX")!)?.name == "Español (México)")
    }

    @Test func aRepositoryAddsItsOwnItemsToTheBuiltInGrammar() throws {
        let text = "locale: en-US\ncopy_safety:\n  private:\n    loyalty-number: [Acme Rewards number]\n"
        let read = LocaleDataReader.read(SourceFile(path: "locales/en-US.yaml", bytes: Array(text.utf8)))
        #expect(read.diagnostics.isEmpty)
        let catalog = LocaleCatalog.builtIn.overridden(by: [try #require(read.data)])
        let grammar = try #require(catalog.resolve(LocaleTag("en-US")!)).copySafety
        #expect(grammar.privateItems.contains { $0.category == "loyalty-number" && $0.names == ["Acme Rewards number"] })
        // The built-in items stay.
        #expect(grammar.privateItems.contains { $0.names.contains("order number") })
    }

    @Test(arguments: [
        ("locale: xx\ncopy_safety:\n  private:\n    Order_Number: [order no]\n", "`Order_Number` is not a category name", 4, 5),
        ("locale: xx\ncopy_safety:\n  redirects:\n    phone: [call us]\n", "`phone` is not a category name starting with `redirect-`", 4, 5),
        ("locale: xx\ncopy_safety:\n  asks: [\"x\"]\n", "`x` in `copy_safety.asks` is too short to match: one character is part of too many words", 3, 10),
        ("locale: xx\ncopy_safety:\n  word_order: sov\n", "`copy_safety.word_order` must be `verb-final` or `verb-medial`, found `sov`", 3, 15),
    ])
    func badCopySafetyDataIsALocaleDataError(text: String, message: String, line: Int, column: Int) throws {
        let read = LocaleDataReader.read(SourceFile(path: "locales/xx.yaml", bytes: Array(text.utf8)))
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.rule == "locale-data")
        #expect(diagnostic.message == message)
        #expect(diagnostic.range?.start.line == line)
        #expect(diagnostic.range?.start.column == column)
    }

    @Test(arguments: [
        ("locale: xx\nplural:\n  one: \"n = 1 andd v = 0\"\n", "the `one` plural rule does not parse: expected `and`, `or` or the end of the rule", 3, 15),
        ("locale: xx\nplural:\n  one: n % = 1\n", "the `one` plural rule does not parse: expected a number after `%`", 3, 12),
        ("locale: xx\nplural:\n  uno: n = 1\n", "`uno` is not a CLDR plural category", 3, 3),
        ("locale: xx\nplural:\n  few: >-\n    n % 10 = 2..4 and\n    q = 1\n", "the `few` plural rule does not parse: expected an operand (n, i, v, w, f, t or e)", 5, 5),
    ])
    func badPluralRulesAreLocaleDataErrorsWhereTheyAre(text: String, message: String, line: Int, column: Int) throws {
        let read = LocaleDataReader.read(SourceFile(path: "locales/xx.yaml", bytes: Array(text.utf8)))
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.rule == "locale-data")
        #expect(diagnostic.message == message)
        #expect(diagnostic.range?.start.line == line)
        #expect(diagnostic.range?.start.column == column)
    }
}

/// The built-in plural rules against CLDR's own sample numbers, read at run time from Debian's
/// unicode-cldr-core (`make test` installs it when it can).
@Suite struct CLDRPluralSampleTests {
    static let plurals = "/usr/share/unicode/cldr/common/supplemental/plurals.xml"
    static let languages: [(tag: String, cldr: String)] = [
        ("en", "en"), ("es", "es"), ("pt", "pt"), ("fr", "fr"), ("de", "de"), ("it", "it"), ("nl", "nl"),
        ("ja", "ja"), ("zh-Hans", "zh"), ("zh-Hant", "zh"), ("ko", "ko"), ("ar", "ar"), ("he", "he"),
        ("ru", "ru"), ("pl", "pl"), ("tr", "tr"), ("hi", "hi"), ("id", "id"),
    ]

    @Test(arguments: languages)
    func builtInRulesPickCLDRsCategoryForEverySample(tag: String, cldr: String) throws {
        guard let xml = try? String(contentsOfFile: Self.plurals, encoding: .utf8) else {
            print("skipped: \(Self.plurals) is missing (Debian: apt-get install unicode-cldr-core)")
            return
        }
        let samples = try #require(Self.samples(in: xml, for: cldr), "CLDR has rules for \(cldr)")
        let rules = try #require(LocaleCatalog.builtIn.resolve(LocaleTag(tag)!)).plural
        #expect(Set(rules.categories) == Set(samples.keys))
        var checked = 0
        for (category, numbers) in samples {
            for number in numbers {
                let operands = try #require(PluralOperands(number), "\(number) parses")
                #expect(rules.category(for: operands) == category, "\(tag): \(number)")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }

    /// CLDR's samples for a locale: `@integer 0~15, 100, … @decimal 0.0~1.5, 1c6` expanded.
    static func samples(in xml: String, for locale: String) -> [PluralCategory: [String]]? {
        var result: [PluralCategory: [String]]?
        for line in xml.split(separator: "\n") {
            if line.contains("<pluralRules locales=\"") {
                if result != nil { return result }
                let locales = line.split(separator: "\"")[1].split(separator: " ")
                if locales.contains(Substring(locale)) { result = [:] }
                continue
            }
            if line.contains("</pluralRules>"), result != nil { return result }
            guard result != nil, line.contains("<pluralRule count=\""),
                  let category = PluralCategory(rawValue: String(line.split(separator: "\"")[1])),
                  let body = line.split(separator: ">").dropFirst().first?.split(separator: "<").first else { continue }
            var numbers: [String] = []
            for sample in body.split(separator: "@").dropFirst() {
                for item in sample.split(separator: " ").dropFirst().joined(separator: " ").split(separator: ",") {
                    let item = item.trimmingCharacters(in: .whitespaces)
                    if item.isEmpty || item == "…" { continue }
                    numbers += expand(item)
                }
            }
            result?[category] = numbers
        }
        return result
    }

    /// `0.0~1.5` → 0.0, 0.1, …, 1.5 (steps of the last digit); `3` → 3.
    static func expand(_ item: String) -> [String] {
        let ends = item.split(separator: "~").map(String.init)
        guard ends.count == 2, !ends[0].contains("c") else { return [ends[0]] }
        let decimals = ends[0].split(separator: ".").dropFirst().first?.count ?? 0
        let scale = Int(pow(10, Double(decimals)))
        let low = Int(ends[0].replacingOccurrences(of: ".", with: ""))!
        let high = Int(ends[1].replacingOccurrences(of: ".", with: ""))!
        return (low...high).map { value in
            decimals == 0 ? "\(value)" : "\(value / scale).\(String(format: "%0\(decimals)d", value % scale))"
        }
    }
}

@Suite struct LocaleTagTests {
    @Test(arguments: [
        ("en", "en"), ("EN-us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
        ("sl-rozaj", "sl-rozaj"), ("de-CH-1996", "de-CH-1996"), ("ca-ES-VALENCIA", "ca-ES-valencia"),
        ("sr-latn", "sr-Latn"), ("en-1234", "en-1234"), ("cmn-Hans-CN", "cmn-Hans-CN"),
    ])
    func wellFormedTagsAreWrittenCanonically(text: String, canonical: String) throws {
        let tag = try #require(LocaleTag(text))
        #expect(tag.canonical == canonical)
        #expect(tag.subtags == canonical.split(separator: "-").map(String.init))
    }

    @Test(arguments: ["", "e", "abcd", "english12", "en-", "en--US", "-en", "en-US-x", "ën", "en-ÜS", "en_US",
                      "en-Latn-Latn", "en-US-GB", "en-US-abcd", "en-123456789", "1en"])
    func malformedTagsAreRefused(text: String) {
        #expect(LocaleTag(text) == nil)
    }
}
