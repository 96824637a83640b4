import Foundation
import Testing
import TweetText
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

/// Where the renderer adds precounted weights instead of counting the reply, it must answer
/// exactly what counting the whole reply answers.
@Suite struct PrecountTests {
    static let plainTexts = ["Ana", "O'Neil", "Jean-Luc", "AC1234", "Ana Lucia", "x", "", "MARIA", "a1", "12", "bob_b"]
    static let otherTexts = ["ana.com", "#sale", "@bob", "$TSLA", "José", "明美", "😀", "http", "https", "a/b", "t.co",
                             "e\u{301}", "\u{301}x", "1", "x\u{200D}", "Ana.", "com",
                             // Sealed unless their first character composes or they hold what an entity needs.
                             "Zoë 美咲 🎉", "Zoë", "美咲", "ユキ", "김민준", "Ñandú", "x 😀", "x😀", "Ana👍🏽", "x👩\u{200D}👩\u{200D}👧",
                             "🇺🇸", "x🇺", "1\u{20E3}", "a\u{FE0F}", "Ａｎａ", "مرحبا", "שלום", "สวัสดี", "x\u{1100}", "\u{1161}x",
                             "e\u{301}x", "Ana\u{301}", "ß", "İstanbul", "x\u{300}", "日本。", "a、b", "Zoë!", "«Zoë»", "x\u{2028}y"]

    /// Renders `template` both ways with every combination of the pools; returns how many were precounted.
    static func compare(_ library: ReplyLibrary, _ template: String, locale: String?, values pools: [String: [ReplyValue]],
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        var precounted = 0
        var combinations: [[String: ReplyValue]] = [[:]]
        for (name, pool) in pools.sorted(by: { $0.key < $1.key }) {
            combinations = combinations.flatMap { partial in pool.map { partial.merging([name: $0]) { $1 } } }
        }
        for values in combinations {
            for variant in 0..<4 {
                let now = Date()
                let fast = Result { () throws(RenderError) in
                    try library.renderCounted(template, locale: locale, values: values, key: nil, variant: variant, at: now, precount: true)
                }
                let counted = Result { () throws(RenderError) in
                    try library.renderCounted(template, locale: locale, values: values, key: nil, variant: variant, at: now, precount: false).reply
                }
                #expect(fast.map(\.reply) == counted, "\(template) \(locale ?? "-") \(values)", sourceLocation: sourceLocation)
                if case .success(let result) = fast, result.precounted {
                    precounted += 1
                    #expect(TwitterText.weightedLength(result.reply.text) == result.reply.weightedLength, sourceLocation: sourceLocation)
                }
            }
        }
        return precounted
    }

    @Test func agreesWithCountingOnEveryExampleTemplate() throws {
        let library = ReplyLibraryTests.library
        var precounted = 0
        for template in library.templateIDs {
            var pools: [String: [ReplyValue]] = [:]
            for variable in library.variables(for: template) {
                switch variable.kind {
                case .text: pools[variable.name] = (["Ana", "AC1234", "O'Neil", "José", "a.com"] + [variable.example ?? ""]).map { .text($0) }
                case .number(let min, let max): pools[variable.name] = [min, min + 1, 2, 5, 11, max, max + 1].map { .number($0) }
                case .choice(let choices): pools[variable.name] = (choices + ["deluxe"]).map { .text($0) }
                }
            }
            // Values only for what the template uses: any other is refused before counting.
            let used = Set(library.lookUpVariant(template)?.names ?? [])
            pools = pools.filter { used.contains($0.key) }
            for locale in [nil, "en-US", "es-MX", "ja-JP", "fr-FR", "ar", "en-GB", "de-DE", "zh-Hans", "ko-KR", "pt-BR", "hi-IN"] {
                precounted += Self.compare(library, template, locale: locale, values: pools)
            }
        }
        #expect(precounted > 500, "most plain renders should be precounted")
        // So is it with a value in other scripts: the value's own weight is added.
        let accented = try library.renderCounted("acme-air/rebooked", locale: "es-MX", values: ["first_name": "Zoë 美咲", "flight": "AC1234", "cabin": "business"],
                                                 key: "1", variant: nil, at: Date(), precount: true)
        #expect(accented.precounted)
        // The benchmark's template is precounted.
        let rebooked = try library.renderCounted("acme-air/rebooked", locale: "es-MX", values: ["first_name": "Ana", "flight": "AC1234", "cabin": "business"],
                                                 key: "1", variant: nil, at: Date(), precount: true)
        #expect(rebooked.precounted)
    }

    /// Seams where a value or a branch would join or break an entity, an emoji or a composition.
    static let seams = [
        "#{v} hello", "@{v} hello", "$ {v}", "see acme.com/{v} now", "{v}.com is ours", "https://{v} x", "{v}://x.co",
        "({v}) fine", "«{v}» fine", "{v}さん、こんにちは", "{v}。", "{v}#tag", "x{v}y", "{v}\u{301} accent",
        "{v}\u{FE0F}\u{20E3} keycap", "1{v}", "Thanks, {v}. Next", "{v}... ok", "¿{v}? sí", "「{v}」", "#hash {v}",
        "$CASH{v}", "a '{v}' b", "visit acme.com {v}", "t.co/{v}", "{v}-san", "{v}_x", "{v}:", "{v}, hi", "{v}",
        "{v} {v}", "{v}{v}", "漢{v}字", "😀{v}😀", "({v}", "{v}'s order", "{v}!", "{v}.", "#{v}", "{v}@x.co",
        "'{v}", "({v} x)", "hi,({v})", "x.co/({v})", "{v} https://acme.com", "ﬀ{v}", "ㄱ{v}\u{1161}", "가{v}\u{11A8}",
        "#{c, select, a {sale} other {deal}} now", "{c, select, a {acme} other {globex}}.com", "{v} {c, select, a {.} other {!}}",
        "{c, select, a {😀} other {x}}\u{FE0F} ok", "see {c, select, a {t.co} other {x.co}}/{v}", "e{c, select, a {\u{301}} other {}}",
        "{c, select, a {@} other {#}}{v}", "Hi {c, select, a {{v}} other {you}}. Bye", "{c, select, a {} other {}}#{v}",
    ]

    @Test func hardSeamsOnlyAndCountsAgree() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-precount-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let brand = root.appendingPathComponent("templates/seams")
        try FileManager.default.createDirectory(at: brand, withIntermediateDirectories: true)
        try """
        name: Seams
        account: {handle: Seams, user_id: "12345", dm_open: true}
        default_locale: en-US
        locales: [en-US]
        variables:
          v: {max_length: 30}
          c: {type: choice, values: [a, b]}
        """.write(to: brand.appendingPathComponent("brand.yaml"), atomically: true, encoding: .utf8)
        var pack = "locale: en-US\ntemplates:\n"
        for (index, text) in Self.seams.enumerated() {
            let quoted = text.unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : String($0) }.joined()
            pack += "  t\(index):\n    text: \"\(quoted)\"\n"
            pack += "  d\(index):\n    text: \"\(quoted)\"\n    dm:\n      prefill: \"\(quoted)\"\n"
        }
        try pack.write(to: brand.appendingPathComponent("en-US.yaml"), atomically: true, encoding: .utf8)
        let library = try ReplyLibrary(contentsOf: root.path)
        var precounted = 0
        for index in Self.seams.indices {
            for kind in ["t", "d"] {
                var pools: [String: [ReplyValue]] = [:]
                let used = library.lookUpVariant("seams/\(kind)\(index)")?.names ?? []
                if used.contains("v") { pools["v"] = (Self.plainTexts + Self.otherTexts).map { ReplyValue.text($0) } }
                if used.contains("c") { pools["c"] = ["a", "b"] }
                precounted += Self.compare(library, "seams/\(kind)\(index)", locale: "en-US", values: pools)
            }
        }
        #expect(precounted > 100)
        // Where a value would join an entity, the renderer counts the reply, and refuses it.
        let joining = try #require(Self.seams.firstIndex(of: "#{v} hello"))
        #expect { try library.render("seams/t\(joining)", locale: "en-US", values: ["v": "Ana"]) } throws: {
            ($0 as? RenderError)?.code == .joinsEntity
        }
        let later = try #require(Self.seams.firstIndex(of: "#{c, select, a {sale} other {deal}} now"))
        #expect(try !library.renderCounted("seams/t\(later)", locale: "en-US", values: ["c": "a"], key: nil, variant: 0, at: nil, precount: true).precounted)
        let plain = try #require(Self.seams.firstIndex(of: "Thanks, {v}. Next"))
        #expect(try library.renderCounted("seams/t\(plain)", locale: "en-US", values: ["v": "Ana"], key: nil, variant: 0, at: nil, precount: true).precounted)
        // A value in other scripts is sealed when nothing in it can start or join an entity.
        for value in ["Zoë", "美咲", "x 😀", "Zoë 美咲 🎉", "e\u{301}x"] {
            #expect(try library.renderCounted("seams/t\(plain)", locale: "en-US", values: ["v": .text(value)], key: nil, variant: 0, at: nil, precount: true).precounted, "\(value)")
        }
        for value in ["Ａｎａ", "a\u{FE0F}", "😀x", "Zoë:"] {
            #expect(try !library.renderCounted("seams/t\(plain)", locale: "en-US", values: ["v": .text(value)], key: nil, variant: 0, at: nil, precount: true).precounted, "\(value)")
        }
    }
}

extension ReplyLibrary {
    /// The first variant of `template` in its default pack.
    func lookUpVariant(_ template: String) -> CompiledVariant? {
        templates[template]?.byDefault?.source.template.variants.first
    }
}
