import Foundation
import ReplyKit
@testable import ReplyCompiler
@testable import ReplyLint
import Testing

/// Small files on both sides of each key's rules: the reader and the JSON Schema (under a real
/// validator) must agree on each, and each must be what the case says.
@Suite struct SchemaAgreementTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: FileSchemas.Kind
        var text: String
        var valid: Bool
        var description: String { "\(kind.rawValue) \(valid ? "accepts" : "refuses") \(text.debugDescription)" }
    }

    static let account = "name: Acme\naccount:\n  handle: AcmeHelp\n  user_id: \"3805104374\"\ndefault_locale: en-US\n"
    static func brand(_ extra: String, _ valid: Bool) -> Case { Case(kind: .brand, text: account + extra, valid: valid) }
    static func variable(_ body: String, _ valid: Bool) -> Case { brand("variables:\n  v:\n" + body, valid) }
    static func pack(_ templates: String, _ valid: Bool) -> Case {
        Case(kind: .pack, text: "locale: en-US\ntemplates:\n" + templates, valid: valid)
    }
    static func locale(_ extra: String, _ valid: Bool) -> Case { Case(kind: .locale, text: "locale: en-US\n" + extra, valid: valid) }
    static func config(_ text: String, _ valid: Bool) -> Case { Case(kind: .config, text: text, valid: valid) }

    static let cases: [Case] = [
        brand("", true),
        Case(kind: .brand, text: "name: Acme\ndefault_locale: en-US\n", valid: false),
        brand("colour: red\n", false),
        Case(kind: .brand, text: account.replacingOccurrences(of: "AcmeHelp", with: "\"@AcmeHelp\""), valid: false),
        Case(kind: .brand, text: account.replacingOccurrences(of: "\"3805104374\"", with: "3805104374"), valid: true),
        Case(kind: .brand, text: account.replacingOccurrences(of: "\"3805104374\"", with: "\"38051o4374\""), valid: false),
        Case(kind: .brand, text: account.replacingOccurrences(of: "\"3805104374\"", with: "\"12345678901234567890\""), valid: false),
        Case(kind: .brand, text: account.replacingOccurrences(of: "en-US", with: "es-mx"), valid: false),
        Case(kind: .brand, text: account.replacingOccurrences(of: "en-US", with: "zh-Hant-TW"), valid: true),
        brand("  dm_open: yes\n", false),
        brand("max_length: 25000\n", true),
        brand("max_length: 25001\n", false),
        brand("max_length: 0\n", false),
        brand("max_length: \"280\"\n", false),
        brand("max_length: 280.5\n", false),
        brand("locales: [en-US, es-419]\n", true),
        brand("locales: en-US\n", false),
        brand("allowed_domains: [acme.example, help.acme.example]\n", true),
        brand("allowed_domains: [\"https://acme.example\"]\n", false),
        brand("allowed_domains: [localhost]\n", false),
        brand("deep_link:\n  host: x.com\n  separator: \"\\n\"\n", true),
        brand("deep_link:\n  host: mastodon.social\n", false),
        brand("deep_link:\n  separator: \"-\"\n", false),
        brand("variables:\n", true),
        variable("    max_length: 20\n    pattern: \"[A-Za-z]+\"\n    allow: [hashtag, url]\n    multiline: true\n    example: Ana\n", true),
        variable("    pattern: \"[A-Za-z]+\"\n", false),
        variable("    max_length: 10001\n", false),
        variable("    max_length: 20\n    allow: [emoji]\n", false),
        variable("    max_length: 20\n    multiline: yes\n", false),
        variable("    max_length: 20\n    min: 1\n", false),
        variable("    type: number\n    min: 1\n    max: 30\n    example: 5\n", true),
        variable("    type: number\n    min: 1\n", false),
        variable("    type: number\n    min: 1\n    max: 30\n    max_length: 3\n", false),
        variable("    type: number\n    min: -1000000000000000\n    max: 30\n", false),
        variable("    type: choice\n    values: [economy, business]\n", true),
        variable("    type: choice\n    values: []\n", false),
        variable("    type: numbr\n    min: 1\n    max: 2\n", false),
        brand("variables:\n  9lives:\n    max_length: 3\n", false),
        brand("campaigns:\n  winter-storm:\n    name: Storm\n    status: approved\n    starts: 2026-12-01\n    ends: 2026-12-15T23:59:59-05:00\n", true),
        brand("campaigns:\n  winter-storm:\n    status: live\n", false),
        brand("campaigns:\n  winter-storm:\n    name: Storm\n", false),
        brand("campaigns:\n  winter-storm:\n    status: draft\n    starts: tomorrow\n", false),
        brand("campaigns:\n  Winter:\n    status: draft\n", false),

        pack("  greeting:\n    text: Hi\n", true),
        pack("  greeting:\n    text: yes\n    dm: true\n    description: ~\n    tags: [hello]\n    follow_up: welcome\n    disable: [shouting]\n", true),
        pack("  greeting:\n    text: [Hi, Hello]\n", true),
        pack("  greeting:\n    text: [Hi]\n", false),
        pack("  greeting:\n    dm: true\n", false),
        pack("  greeting: Hi\n", false),
        pack("  greeting:\n    text: Hi\n    dm: yes\n", false),
        pack("  greeting:\n    text: Hi\n    dm:\n      prefill: \"Order: \"\n      welcome_message_id: \"1234567890\"\n", true),
        pack("  greeting:\n    text: Hi\n    dm:\n      welcome_message_id: abc\n", false),
        pack("  greeting:\n    text: Hi\n    dm:\n      prefil: x\n", false),
        pack("  Greeting:\n    text: Hi\n", false),
        pack("  greeting:\n    text: Hi\n    follow_up: Welcome_Back\n", false),
        pack("  greeting:\n    text: Hi\n    tags: hello\n", false),
        pack("  greeting:\n    txt: Hi\n    text: Hi\n", false),
        Case(kind: .pack, text: "locale: en-US\ntemplates:\ncampaigns:\n  spring:\n    promo:\n      text: Spring\n", valid: true),
        Case(kind: .pack, text: "templates:\n  greeting:\n    text: Hi\n", valid: false),

        locale("name: English\nparent: en\ndirection: ltr\nplural:\n  one: \"i = 1 and v = 0\"\n", true),
        locale("direction: up\n", false),
        locale("plural: {}\n", true),
        locale("plural:\n  other: \"n = 1\"\n", false),
        locale("plural:\n  single: \"n = 1\"\n", false),
        locale("terms:\n  secrets: [password]\n", true),
        locale("terms:\n  passwords: [password]\n", false),
        locale("copy_safety:\n  word_order: verb-final\n  replace: true\n  private:\n    order-number: [order number]\n  redirects:\n    redirect-phone: [call us]\n  asks: [send us]\n", true),
        locale("copy_safety:\n  word_order: sov\n", false),
        locale("copy_safety:\n  redirects:\n    phone: [call us]\n", false),
        locale("copy_safety:\n  private:\n    Order_Number: [order number]\n", false),
        locale("copy_safety:\n  asks: [a]\n", false),
        locale("copy_safety:\n  asks: [\" send us\"]\n", false),
        locale("copy_safety:\n  verbs: [send]\n", false),

        config("templates: templates\nlocales: locales\nrules:\n  shouting: off\n  near-limit: {severity: warning, margin: 10}\n  schema: error\n", true),
        config("rules:\n  schema: off\n", false),
        config("rules:\n  shoutng: off\n", false),
        config("rules:\n  shouting: loud\n", false),
        config("rules:\n  near-limit: {severity: loud}\n", false),
        config("rules: [shouting]\n", false),
        config("templates:\n", false),
        config("colour: red\n", false),
        config("", true),
        config("# the defaults\n", true),
        Case(kind: .brand, text: "", valid: false),
        Case(kind: .pack, text: "", valid: false),
        Case(kind: .locale, text: "", valid: false),
    ]

    /// Whether the reader takes the file without an error.
    static func readerAccepts(_ item: Case, at path: String) -> Bool {
        let bytes = Array(item.text.utf8)
        let source = SourceFile(path: path, bytes: bytes)
        switch item.kind {
        case .config:
            return (try? LintConfiguration.load(path: path)) != nil
        case .locale:
            return LocaleDataReader.read(source).diagnostics.isEmpty
        case .brand, .pack:
            guard let document = try? YAMLParser.document(source, limits: .default) else { return false }
            if item.kind == .brand {
                var reader = BrandReader(source: source, brand: "acme")
                _ = YAMLDocument.read(document) { reader.read($0, id: "acme") }
                return reader.reader.diagnostics.isEmpty
            }
            var pack = LocalePack(file: path, brand: "acme", fileLocale: LocaleTag("en-US"))
            var reader = PackReader(source: source, brand: "acme", locale: "en-US")
            YAMLDocument.read(document) { reader.read($0, into: &pack) }
            return reader.reader.diagnostics.isEmpty
        }
    }

    /// One table, one validator run: starting Python for each case would take most of the time.
    @Test func readerAndSchemaAgree() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, item) in Self.cases.enumerated() {
            // Named as the reader expects: locale data and packs by their tag.
            let name = switch item.kind {
            case .brand: "brand.yaml"
            case .pack, .locale: "en-US.yaml"
            case .config: "replykit.yaml"
            }
            let folder = directory.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(name).path
            try Data(item.text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            #expect(Self.readerAccepts(item, at: path) == item.valid, "the reader: \(item)")
        }
        let outcome = try SchemaValidation.validate(zip(Self.cases, paths).map { ($0.kind, $1) })
        guard case .verdicts(let verdicts) = outcome else {
            if case .unavailable(let reason) = outcome { SchemaValidation.skip(reason) }
            return
        }
        for (item, path) in zip(Self.cases, paths) {
            let verdict = try #require(verdicts[path])
            #expect(verdict.valid == item.valid, "the schema: \(item): \(verdict.errors)")
            #expect(verdict.validDraft7 == verdict.valid, "a draft-07 validator (as editors use) disagrees on \(item)")
        }
    }
}
