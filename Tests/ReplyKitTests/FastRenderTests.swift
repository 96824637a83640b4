import Foundation
import Testing
import TweetText
@testable import ReplyKit

/// The fast path adds precounted weights instead of counting the reply; wherever it answers, it must
/// answer exactly what counting the whole reply answers.
@Suite struct FastRenderTests {
    static let plainTexts = ["Ana", "O'Neil", "Jean-Luc", "AC1234", "Ana Lucia", "x", "", "MARIA", "a1", "12", "bob_b"]
    static let otherTexts = ["ana.com", "#sale", "@bob", "$TSLA", "José", "明美", "😀", "http", "https", "a/b", "t.co",
                             "e\u{301}", "\u{301}x", "1", "x\u{200D}", "Ana.", "com"]

    /// Renders `template` both ways with every combination of the pools; returns how many went fast.
    static func compare(_ library: ReplyLibrary, _ template: String, locale: String?, values pools: [String: [ReplyValue]],
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        var fast = 0
        var combinations: [[String: ReplyValue]] = [[:]]
        for (name, pool) in pools.sorted(by: { $0.key < $1.key }) {
            combinations = combinations.flatMap { partial in pool.map { partial.merging([name: $0]) { $1 } } }
        }
        for values in combinations {
            for variant in 0..<4 {
                guard let reply = library.renderFast(template, locale: locale, values: values, key: nil, variant: variant, at: Date()) else {
                    continue
                }
                fast += 1
                let counted = Result { () throws(RenderError) in
                    try library.renderCounting(template, locale: locale, values: values, key: nil, variant: variant, at: Date())
                }
                #expect(counted == .success(reply), "\(template) \(locale ?? "-") \(values)", sourceLocation: sourceLocation)
                #expect(TwitterText.weightedLength(reply.text) == reply.weightedLength, sourceLocation: sourceLocation)
            }
        }
        return fast
    }

    @Test func agreesWithCountingOnEveryExampleTemplate() throws {
        let library = ReplyLibraryTests.library
        var fast = 0
        for template in library.templateIDs {
            let brand = try #require(library.brands[String(template.split(separator: "/")[0])])
            var pools: [String: [ReplyValue]] = [:]
            for variable in brand.brand.variables where library.fast[template]?.byDefault?.template.variants
                .contains(where: { $0.variableNames.contains(variable.name.value) }) ?? false {
                switch variable.kind {
                case .text: pools[variable.name.value] = (["Ana", "AC1234", "O'Neil", "José", "a.com"] + [variable.example?.value ?? ""]).map { .text($0) }
                case .number(let min, let max): pools[variable.name.value] = [min, min + 1, 2, 5, 11, max, max + 1].map { .number($0) }
                case .choice(let choices): pools[variable.name.value] = (choices + ["deluxe"]).map { .text($0) }
                }
            }
            for locale in [nil, "en-US", "es-MX", "ja-JP", "fr-FR", "ar", "en-GB", "de-DE", "zh-Hans", "ko-KR", "pt-BR", "hi-IN"] {
                fast += Self.compare(library, template, locale: locale, values: pools)
            }
        }
        #expect(fast > 500, "the fast path should take most plain renders")
        // The benchmark's template goes the fast way.
        #expect(library.renderFast("acme-air/rebooked", locale: "es-MX", values: ["first_name": "Ana", "flight": "AC1234", "cabin": "business"],
                                   key: "1", variant: nil, at: Date()) != nil)
    }

    /// Seams where a value would join or break an entity, an emoji or a composition.
    static let seams = [
        "#{v} hello", "@{v} hello", "$ {v}", "see acme.com/{v} now", "{v}.com is ours", "https://{v} x", "{v}://x.co",
        "({v}) fine", "«{v}» fine", "{v}さん、こんにちは", "{v}。", "{v}#tag", "x{v}y", "{v}\u{301} accent",
        "{v}\u{FE0F}\u{20E3} keycap", "1{v}", "Thanks, {v}. Next", "{v}... ok", "¿{v}? sí", "「{v}」", "#hash {v}",
        "$CASH{v}", "a '{v}' b", "visit acme.com {v}", "t.co/{v}", "{v}-san", "{v}_x", "{v}:", "{v}, hi", "{v}",
        "{v} {v}", "{v}{v}", "漢{v}字", "😀{v}😀", "({v}", "{v}'s order", "{v}!", "{v}.", "#{v}", "{v}@x.co",
        "'{v}", "({v} x)", "hi,({v})", "x.co/({v})", "{v} https://acme.com", "ﬀ{v}", "ㄱ{v}\u{1161}", "가{v}\u{11A8}",
    ]

    @Test func hardSeamsOnlyAndCountsAgree() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-fast-\(UUID().uuidString)")
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
        """.write(to: brand.appendingPathComponent("brand.yaml"), atomically: true, encoding: .utf8)
        var pack = "locale: en-US\ntemplates:\n"
        for (index, text) in Self.seams.enumerated() {
            let quoted = text.unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : String($0) }.joined()
            pack += "  t\(index):\n    text: \"\(quoted)\"\n"
            pack += "  d\(index):\n    text: \"\(quoted)\"\n    dm:\n      prefill: \"\(quoted)\"\n"
        }
        try pack.write(to: brand.appendingPathComponent("en-US.yaml"), atomically: true, encoding: .utf8)
        let library = try ReplyLibrary(contentsOf: root.path)
        var fast = 0
        for index in Self.seams.indices {
            for kind in ["t", "d"] {
                fast += Self.compare(library, "seams/\(kind)\(index)", locale: "en-US",
                                     values: ["v": (Self.plainTexts + Self.otherTexts).map { ReplyValue.text($0) }])
            }
        }
        #expect(fast > 100)
        // Where a value would join an entity, the fast path stands aside.
        let joining = try #require(Self.seams.firstIndex(of: "#{v} hello"))
        #expect(library.renderFast("seams/t\(joining)", locale: "en-US", values: ["v": "Ana"], key: nil, variant: 0, at: Date()) == nil)
        let plain = try #require(Self.seams.firstIndex(of: "Thanks, {v}. Next"))
        #expect(library.renderFast("seams/t\(plain)", locale: "en-US", values: ["v": "Ana"], key: nil, variant: 0, at: Date()) != nil)
    }
}
