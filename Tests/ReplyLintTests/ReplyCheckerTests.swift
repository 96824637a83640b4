import Foundation
import ReplyKit
import ReplyCompiler
import ReplyLint
import Testing

/// `ReplyChecker`: the checks of `replykit check` on finished replies, as a library call.
@Suite struct ReplyCheckerTests {
    static let brand = """
        name: Acme
        account:
          handle: AcmeHelp
          user_id: "3805104374"
          dm_open: true
        default_locale: en-US
        allowed_domains: [acme.example]
        """
    static let pack = "locale: en-US\ntemplates:\n  greeting:\n    text: Hi\n"
    static let link = "https://twitter.com/messages/compose?recipient_id=3805104374"

    /// A repository of the brand `acme` (and `files` over it), written to a fresh folder.
    static func repository(_ files: [String: String] = [:]) throws -> URL {
        var all = ["templates/acme/brand.yaml": brand, "templates/acme/en-US.yaml": pack]
        all.merge(files) { _, new in new }
        return try TestSupport.write(all.mapValues { Array($0.utf8) }, under: TestSupport.temporaryDirectory())
    }

    static func check(_ text: String, files: [String: String] = [:], locale: String? = nil) throws -> ReplyCheckResult {
        let root = try repository(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return try ReplyChecker(contentsOf: root.path).check(text, brand: "acme", locale: locale)
    }

    /// Each diagnostic as its rule and the text its range covers, in text order.
    static func found(_ result: ReplyCheckResult) -> [Found] {
        let bytes = Array(result.text.utf8)
        return result.diagnostics.map { d in
            let range = d.range.map { $0.start.offset..<$0.end.offset } ?? 0..<0
            return Found(d.rule, String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self))
        }
    }

    /// A diagnostic as its rule and the text its range covers. A copy-safety finding underlines the
    /// ask as the locale's grammar reads it, so it matches an expected one whose text it contains.
    struct Found: Equatable, CustomStringConvertible {
        var rule: String
        var covers: String
        init(_ rule: String, _ covers: String) { (self.rule, self.covers) = (rule, covers) }
        var description: String { "\(rule) at `\(covers.debugDescription)`" }

        static let copySafety: Set = ["private-info-in-public", "secret-request", "redirect-off-platform"]

        static func == (found: Found, expected: Found) -> Bool {
            found.rule == expected.rule
                && (found.covers == expected.covers || (copySafety.contains(found.rule) && found.covers.contains(expected.covers)))
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [Found]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a clean public reply", text: "Thanks for flying with us, Ana! See https://status.acme.example/flights.", expected: []),
        Case(name: "a clean DM hand-off asks for private information", text: "Sorry! Send us your booking reference in a DM. \(link)", expected: []),
        Case(name: "the same ask in public", text: "Sorry! Reply with your booking reference.",
             expected: [Found("private-info-in-public", "booking reference")]),
        Case(name: "an ask followed by a broken link is public", text: "Send us your order number https://x.com/messages/compose?recipient_id=3805104374",
             expected: [Found("private-info-in-public", "order number"),
                        Found("deep-link", "https://x.com/messages/compose?recipient_id=3805104374")]),
        Case(name: "over the limit", text: String(repeating: "a", count: 279) + "bc",
             expected: [Found("over-limit", "c")]),
        Case(name: "the link is not last", text: "Here you go: \(link) thanks",
             expected: [Found("deep-link", " thanks")]),
        Case(name: "two links", text: "Write \(link)\nor \(link)", expected: [Found("deep-link", link)]),
        Case(name: "the wrong host", text: "DM us https://x.com/messages/compose?recipient_id=3805104374",
             expected: [Found("deep-link", "https://x.com/messages/compose?recipient_id=3805104374")]),
        Case(name: "the wrong user id", text: "DM us https://twitter.com/messages/compose?recipient_id=42",
             expected: [Found("deep-link", "https://twitter.com/messages/compose?recipient_id=42")]),
        Case(name: "no recipient", text: "DM us https://twitter.com/messages/compose",
             expected: [Found("deep-link", "https://twitter.com/messages/compose")]),
        Case(name: "a bad escape in text=", text: "DM us \(link)&text=About%zz", expected: [Found("deep-link", "%zz")]),
        Case(name: "a cut escape in text=", text: "DM us \(link)&text=About%2", expected: [Found("deep-link", "%2")]),
        Case(name: "an unencoded character in text=", text: "DM us \(link)&text=a+b", expected: [Found("deep-link", "+")]),
        Case(name: "text= that is not UTF-8", text: "DM us \(link)&text=%FF", expected: [Found("deep-link", "%FF")]),
        Case(name: "a well-formed prefill and welcome message", text: "DM us \(link)&text=Order%20%E2%84%96%3A%20&welcome_message_id=1234567890",
             expected: []),
        Case(name: "a bad welcome_message_id", text: "DM us \(link)&welcome_message_id=12ab",
             expected: [Found("deep-link", "welcome_message_id=12ab")]),
        Case(name: "an unknown parameter", text: "DM us \(link)&utm=1", expected: [Found("deep-link", "utm=1")]),
        Case(name: "an empty parameter", text: "DM us \(link)&&text=Hi", expected: [Found("deep-link", "&")]),
        Case(name: "a fragment", text: "DM us \(link)#top", expected: [Found("deep-link", "#top")]),
        Case(name: "no https", text: "DM us twitter.com/messages/compose?recipient_id=3805104374",
             expected: [Found("deep-link", "twitter.com")]),
        Case(name: "a URL off allowed_domains", text: "See https://bit.ly/3xYz for the status.",
             expected: [Found("url-not-allowed", "https://bit.ly/3xYz")]),
        Case(name: "a mention", text: "Thanks! @AcmeCrew will take it from here.", expected: [Found("mention-in-template", "@AcmeCrew")]),
        Case(name: "a zero-width space", text: "Hi\u{200B} there", expected: [Found("invisible-character", "\u{200B}")]),
        Case(name: "a bidi control", text: "Hi \u{202E}there", expected: [Found("invisible-character", "\u{202E}")]),
        Case(name: "a control character", text: "Hi\u{07} there", expected: [Found("invisible-character", "\u{07}")]),
        Case(name: "a C1 control character beside letters that share its bytes", text: "Já\u{85} à l’écran",
             expected: [Found("invisible-character", "\u{85}")]),
        Case(name: "a line break is no control character", text: "Thanks!\nWe're on it.", expected: []),
        Case(name: "emoji sequences are not invisible", text: "Welcome aboard 👩‍✈️ and 🏴󠁧󠁢󠁳󠁣󠁴󠁿", expected: []),
        Case(name: "not NFC", text: "Cafe\u{301} is open", expected: [Found("not-nfc", "e\u{301}")]),
        Case(name: "a secret asked for in DM", text: "Send us your password. \(link)", expected: [Found("secret-request", "password")]),
        Case(name: "a secret asked for in the prefill", text: "Here you go \(link)&text=My%20PIN%20is%3A%20",
             expected: [Found("secret-request", "My%20PIN%20is%3A%20")]),
        Case(name: "a negated secret", text: "We will never ask for your password.", expected: []),
        Case(name: "a redirect while the brand takes DMs", text: "Sorry! Please call us on 0800 123 456.",
             expected: [Found("redirect-off-platform", "call us")]),
    ]

    @Test(arguments: cases)
    func findsWhatTheReplyHolds(_ testCase: Case) throws {
        let result = try Self.check(testCase.text)
        #expect(Self.found(result) == testCase.expected, "\(result.diagnostics.map { $0.message })")
        #expect(result.ok == !result.diagnostics.contains { $0.severity == .error })
        for d in result.diagnostics {
            #expect(d.brand == "acme" && d.locale == "en-US" && d.file == nil)
            let message = d.message
            #expect(message.first.map { !$0.isUppercase } == true, "\(message)")
            #expect(!message.hasSuffix("."), "\(message)")
        }
    }

    @Test func reportsLengthLimitAndHandOff() throws {
        let handOff = try Self.check("Sorry about that, send us a DM. \(Self.link)")
        #expect(handOff.ok && handOff.handsOffToDM && handOff.limit == 280)
        // The link counts 23 whatever its length.
        #expect(handOff.weightedLength == "Sorry about that, send us a DM. ".count + 23)
        let short = try Self.check(String(repeating: "a", count: 41), files: ["templates/acme/brand.yaml": Self.brand + "\nmax_length: 40\n"])
        #expect(!short.ok && short.limit == 40 && short.weightedLength == 41)
        #expect(short.diagnostics.map(\.rule) == ["over-limit"])
        let notLast = try Self.check("\(Self.link) thanks")
        #expect(!notLast.handsOffToDM)
    }

    @Test func positionsCountLinesAndScalarsOfTheText() throws {
        let result = try Self.check("Hello ✈️\nAsk @bob")
        let range = try #require(result.diagnostics.first?.range)
        #expect((range.start.line, range.start.column, range.end.line, range.end.column) == (2, 5, 2, 9))
    }

    @Test func withoutAllowedDomainsALinkIsAWarning() throws {
        let brand = Self.brand.replacingOccurrences(of: "allowed_domains: [acme.example]", with: "")
        let result = try Self.check("See https://status.example.com now", files: ["templates/acme/brand.yaml": brand])
        #expect(result.diagnostics.map(\.rule) == ["url-not-allowed"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.ok)
    }

    @Test func aBrandThatTakesNoDMsCannotHandOff() throws {
        let brand = Self.brand.replacingOccurrences(of: "dm_open: true", with: "dm_open: false")
        let result = try Self.check("DM us \(Self.link)", files: ["templates/acme/brand.yaml": brand])
        #expect(result.diagnostics.map(\.rule) == ["deep-link"])
        #expect(!result.ok)
        // Nor is sending the customer to a phone line a redirect then.
        let call = try Self.check("Please call us on 0800 123 456.", files: ["templates/acme/brand.yaml": brand])
        #expect(call.diagnostics.isEmpty)
    }

    @Test func configurationSetsSeverities() throws {
        let config = "rules:\n  mention-in-template: off\n  not-nfc: error\n"
        let result = try Self.check("Thanks @bob, Cafe\u{301}", files: ["replykit.yaml": config])
        #expect(result.diagnostics.map(\.rule) == ["not-nfc"])
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func repositoryLocaleDataExtendsTheTerms() throws {
        let locale = "locale: en-US\nparent: en\nterms:\n  private_info: [\"rewards number\"]\n"
        let result = try Self.check("Reply with your rewards number.", files: ["locales/en-US.yaml": locale])
        #expect(Self.found(result) == [Found("private-info-in-public", "rewards number")])
    }

    /// A bundle holds what the checks read: the same findings from it as from the packs.
    @Test func aBundleChecksAsThePacksDo() throws {
        let locale = "locale: en-US\nparent: en\nterms:\n  private_info: [\"rewards number\"]\n"
        let root = try Self.repository(["locales/en-US.yaml": locale])
        defer { try? FileManager.default.removeItem(at: root) }
        let fromPacks = try ReplyChecker(contentsOf: root.path)
        let library = try ReplyLibrary(contentsOf: root.path)
        let fromBundle = try ReplyChecker(library: try ReplyBundle.decode(ReplyBundle.encode(library, generator: "test")))
        for text in ["Reply with your rewards number.", "See https://bit.ly/x @bob", "DM us https://x.com/messages/compose?recipient_id=1",
                     "Thanks! \(Self.link)", "Please call us on 0800 123 456."] {
            let packs = try fromPacks.check(text, brand: "acme", locale: nil)
            let bundle = try fromBundle.check(text, brand: "acme", locale: nil)
            #expect(bundle.diagnostics == packs.diagnostics, "\(text)")
            #expect(!packs.diagnostics.isEmpty || text.hasPrefix("Thanks"), "\(text)")
        }
    }

    @Test func refusesWhatItCannotCheck() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let checker = try ReplyChecker(contentsOf: root.path)
        #expect(throws: ReplyCheckError(.unknownBrand, "no brand `nope` (brands: acme)")) {
            try checker.check("Hi", brand: "nope", locale: nil)
        }
        #expect { try checker.check("Hi", brand: "acme", locale: "not a tag") } throws: { ($0 as? ReplyCheckError)?.code == .unknownLocale }
        // No locale data covers it: the copy-safety checks would find nothing, so nothing is claimed.
        #expect { try checker.check("Hi", brand: "acme", locale: "xx") } throws: { ($0 as? ReplyCheckError)?.code == .unknownLocale }
        #expect { try ReplyChecker(contentsOf: root.appendingPathComponent("missing").path) } throws: {
            ($0 as? ReplyCheckError)?.code == .invalidTemplates
        }
    }

    @Test func refusesBrokenLocaleDataAndBrands() throws {
        let root = try Self.repository(["locales/en-US.yaml": "locale: en-US\nterms: [oops\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect { try ReplyChecker(contentsOf: root.path) } throws: { ($0 as? ReplyCheckError)?.code == .invalidTemplates }
        let broken = try Self.repository(["templates/acme/brand.yaml": Self.brand + "\nmax_length: lots\n"])
        defer { try? FileManager.default.removeItem(at: broken) }
        let checker = try ReplyChecker(contentsOf: broken.path)
        #expect { try checker.check("Hi", brand: "acme", locale: nil) } throws: { ($0 as? ReplyCheckError)?.code == .invalidTemplates }
    }
}
