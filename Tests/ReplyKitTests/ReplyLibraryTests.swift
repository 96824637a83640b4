import Foundation
import Testing
import TweetText
@testable import ReplyKit
@testable import ReplyCompiler
@testable import ReplyKitSupport

@Suite struct ReplyLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let library: ReplyLibrary = try! ReplyLibrary(contentsOf: root.path)
    static let inStorm = ISO8601DateFormatter().date(from: "2026-12-05T12:00:00Z")!

    @Test func rendersWithTheDeepLinkLast() throws {
        let reply = try Self.library.render("acme-air/refund-delay", locale: "es-MX",
                                            values: ["first_name": "Ana", "days": 3], key: "1790000000000000001")
        #expect(reply.text.hasPrefix("Lamentamos la espera, Ana. Tu reembolso llegará en 3 días hábiles."))
        #expect(reply.text.hasSuffix(" https://twitter.com/messages/compose?recipient_id=3805104374"))
        #expect(reply.deepLink == "https://twitter.com/messages/compose?recipient_id=3805104374")
        #expect(reply.weightedLength == TwitterText.weightedLength(reply.text))
        #expect(reply.locale.canonical == "es-MX")
        // twitter-text sees the link as the last entity: X shows the DM button.
        #expect(TwitterText.extractEntities(reply.text).last?.value == reply.deepLink)
    }

    @Test func pluralPicksTheLocaleCategory() throws {
        let one = try Self.library.render("acme-air/refund-delay", locale: "es-MX", values: ["first_name": "Ana", "days": 1])
        #expect(one.text.contains("en 1 día hábil."))
    }

    @Test func prefillIsPercentEncoded() throws {
        let reply = try Self.library.render("acme-air/order-help", locale: "es-MX", values: ["first_name": "Ana"])
        #expect(reply.deepLink == "https://twitter.com/messages/compose?recipient_id=3805104374&text=N%C3%BAmero%20de%20reservaci%C3%B3n%3A%20")
    }

    @Test func localeFallsBackAlongParentsLanguageAndFallback() throws {
        let values: [String: ReplyValue] = ["first_name": "Ana"]
        #expect(try Self.library.render("acme-air/refund-check", locale: "es-AR", values: values).locale.canonical == "es-MX")
        #expect(try Self.library.render("acme-air/refund-check", locale: "ja", values: values).locale.canonical == "ja-JP")
        #expect(try Self.library.render("acme-air/refund-check", locale: "de-DE", values: values).locale.canonical == "en-US")
    }

    @Test func variantsAreStableAcrossRunsAndSpread() throws {
        let picks = (0..<200).map { StableHash.variant(for: "tweet-\($0)", count: 2) }
        #expect(Set(picks) == [0, 1])
        // FNV-1a is fixed: these values are the same on every machine and process.
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        let first = try Self.library.render("acme-air/bag-found", values: ["first_name": "Ana"], key: "42")
        let again = try Self.library.render("acme-air/bag-found", values: ["first_name": "Ana"], key: "42")
        #expect(first == again)
    }

    @Test func campaignsRenderOnlyInTheirWindow() throws {
        let values: [String: ReplyValue] = ["first_name": "Ana"]
        _ = try Self.library.render("acme-air/storm-delay", values: values, at: Self.inStorm)
        let before = ISO8601DateFormatter().date(from: "2026-11-30T23:59:59Z")!
        #expect { try Self.library.render("acme-air/storm-delay", values: values, at: before) } throws: {
            ($0 as? RenderError)?.code == .campaignClosed
        }
    }

    @Test(arguments: [
        ("first_name", ReplyValue.text("@jack"), RenderError.Code.invalidValue),
        ("first_name", "Ana #sale", .invalidValue),
        ("first_name", "Ana\nBob", .invalidValue),
        ("first_name", "Ana\u{202E}", .invalidValue),
        ("first_name", "An\u{200B}a", .invalidValue),
        ("first_name", "Anastasia Alexandrovna", .invalidValue),
        ("first_name", "R2D2", .invalidValue),
        ("first_name", "acme.com", .invalidValue),
        ("days", 0, .invalidValue),
        ("days", 31, .invalidValue),
        ("days", "3.5", .invalidValue),
        ("nickname", "x", .unknownVariable),
    ])
    func hostileValuesAreRefusedNamingTheVariable(name: String, value: ReplyValue, code: RenderError.Code) {
        var values: [String: ReplyValue] = ["first_name": "Ana", "days": 3]
        values[name] = value
        #expect {
            try Self.library.render("acme-air/refund-delay", locale: "en-US", values: values)
        } throws: { error in
            guard let error = error as? RenderError else { return false }
            return error.code == code && error.variable == name
        }
    }

    @Test func missingValuesAndUnknownTemplatesAreTypedErrors() {
        #expect { try Self.library.render("acme-air/refund-delay", values: ["first_name": "Ana"]) } throws: {
            ($0 as? RenderError)?.code == .missingValue && ($0 as? RenderError)?.variable == "days"
        }
        #expect { try Self.library.render("acme-air/nope", values: [:]) } throws: { ($0 as? RenderError)?.code == .unknownTemplate }
        #expect { try Self.library.render("nope", values: [:]) } throws: { ($0 as? RenderError)?.code == .unknownTemplate }
    }

    /// Property: random and hostile values either are refused, or render within the worst case and
    /// the limit, with the deep link last where the template hands off to DMs.
    @Test func everyAcceptedRenderIsWithinTheWorstCase() throws {
        var generator = SplitMix(seed: 0x5EED)
        let pieces = ["Ana", "José", "O'Brien", "李", "😀", "👩‍👩‍👧", "é", "\u{301}", "@", "#", "$", ".com", "http://", " ",
                      "\u{200D}", "\u{202E}", "\n", "ß", "ﷺ", "x.co", "A", "-", "\u{FEFF}", "ا"]
        let repository = RepositoryLoader().load(templatesDirectory: Self.root.appendingPathComponent("templates").path)
        var worst: [String: Int] = [:]
        for analysis in repository.analyses {
            worst["\(analysis.brand.id)/\(analysis.template.id.value)@\(analysis.pack.tag!.canonical)"] = analysis.maxWeightedLength
        }
        var accepted = 0, refused = 0
        func hostileText() -> String {
            (0..<Int(generator.next() % 6 + 1)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        for template in Self.library.templateIDs {
            let variables = Self.library.variables(for: template)
            for locale in ["en-US", "es-MX", "ja-JP", "ar", "de-DE", "zh-Hans", "ko-KR", "hi-IN"] {
                for _ in 0..<100 {
                    var values: [String: ReplyValue] = [:]
                    for variable in variables {
                        switch variable.kind {
                        case .text: values[variable.name] = generator.next() % 4 == 0 ? .text(variable.example ?? "") : .text(hostileText())
                        case .number(let min, let max): values[variable.name] = .number(min - 3 + Int(generator.next() % UInt64(max - min + 7)))
                        case .choice(let choices): values[variable.name] = .text(generator.next() % 5 == 0 ? "deluxe" : choices[Int(generator.next() % UInt64(choices.count))])
                        }
                    }
                    do {
                        let reply = try Self.library.render(template, locale: locale, values: values,
                                                            key: String(generator.next()), at: Self.inStorm)
                        accepted += 1
                        let bound = try #require(worst["\(template)@\(reply.locale.canonical)"])
                        #expect(reply.weightedLength <= bound, "\(template) \(locale) \(values)")
                        #expect(reply.weightedLength <= reply.limit)
                        #expect(TwitterText.weightedLength(reply.text) == reply.weightedLength)
                        if let link = reply.deepLink {
                            #expect(reply.text.hasSuffix(link))
                            #expect(TwitterText.extractEntities(reply.text).last.map { reply.text.utf16.count == $0.range.upperBound } == true)
                        }
                    } catch let error as RenderError {
                        refused += 1
                        #expect([.invalidValue, .joinsEntity, .campaignClosed].contains(error.code), "\(error)")
                    }
                }
            }
        }
        #expect(accepted > 100 && refused > 100)
    }

    @Test func rendersFromManyThreadsAtOnce() async throws {
        let library = Self.library
        let expected = try library.render("acme-air/refund-delay", locale: "ja-JP", values: ["first_name": "Ana", "days": 2])
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    for _ in 0..<500 {
                        let reply = try library.render("acme-air/refund-delay", locale: "ja-JP", values: ["first_name": "Ana", "days": 2])
                        if reply != expected { return false }
                    }
                    return true
                }
            }
            for try await same in group { #expect(same) }
        }
    }
}

/// A small deterministic generator, so a failing property case can be reproduced.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RenderBatchTests {
    @Test(arguments: [
        (#"{"template": "acme-air/refund-check", "locale": "es-AR", "values": {"first_name": "Ana"}}"#, nil as String?),
        ("not json", "invalid-request"),
        (#"{"locale": "es-MX"}"#, "invalid-request"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 99}}"#, "invalid-value"),
        (#"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": [1]}}"#, "invalid-value"),
        (#"{"template": "acme-air/nope", "values": {}}"#, "unknown-template"),
    ])
    func aBadLineYieldsAnErrorLineOfItsOwn(line: String, code: String?) {
        let (output, failed) = ReplyLibraryTests.library.renderBatchLine(line)
        let text = output.serialized()
        #expect(failed == (code != nil))
        if let code {
            #expect(text.hasPrefix(#"{"error": {"code": "\#(code)""#), "\(text)")
        } else {
            #expect(text.contains(#""text": "Hola Ana, ¿ya recibiste tu reembolso?""#), "\(text)")
            #expect(text.contains(#""locale": "es-MX""#))
        }
    }
}

@Suite struct ReplyBundleTests {
    /// Every template in every pack, rendered with its variables' examples from the packs and from
    /// the bundle compiled from them: the same replies.
    @Test func bundleAndPacksRenderIdentically() throws {
        let packs = ReplyLibraryTests.library
        let text = ReplyBundle.encode(packs, generator: "test")
        let bundle = try ReplyBundle.decode(text)
        #expect(bundle.templateIDs == packs.templateIDs)
        var compared = 0
        for template in packs.templateIDs {
            var values: [String: ReplyValue] = [:]
            for (name, example) in packs.examples(for: template) { values[name] = .text(example) }
            for locale in ["en-US", "es-MX", "ja-JP", "fr-FR", "ar", "en-GB", "de-DE", "es-ES", "zh-Hans", "ar-SA", "pt-BR", "ko-KR", "ar-EG", "hi-IN"] {
                for key in ["1", "2", "3"] {
                    let fromPacks = Result { try packs.render(template, locale: locale, values: values, key: key, at: ReplyLibraryTests.inStorm) }
                    let fromBundle = Result { try bundle.render(template, locale: locale, values: values, key: key, at: ReplyLibraryTests.inStorm) }
                    switch (fromPacks, fromBundle) {
                    case (.success(let a), .success(let b)): #expect(a == b); compared += 1
                    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
                    default: Issue.record("\(template) \(locale): packs \(fromPacks), bundle \(fromBundle)")
                    }
                }
            }
        }
        #expect(compared > 100)
    }

    @Test func aBundleOfAnotherVersionIsRefused() {
        #expect(throws: ReplyBundle.ReadError.self) {
            try ReplyBundle.decode(#"{"format": "replykit-bundle", "version": 99, "brands": [], "locales": []}"#)
        }
        #expect(throws: ReplyBundle.ReadError.self) { try ReplyBundle.decode("[]") }
        // A missing comma, and a trailing one.
        #expect(throws: ReplyBundle.ReadError.self) { try ReplyBundle.decode(#"{"format": "replykit-bundle" "version": 2}"#) }
        #expect(throws: ReplyBundle.ReadError.self) { try ReplyBundle.decode(#"{"format": "replykit-bundle", "version": 2, "brands": [],}"#) }
        // Cut short: the brackets never close.
        let text = ReplyBundle.encode(ReplyLibraryTests.library, generator: "test")
        #expect(throws: ReplyBundle.ReadError.self) { try ReplyBundle.decode(String(text.prefix(text.count / 2))) }
    }

    /// Templates are decoded on first use: a damaged one loads, then fails to render naming why,
    /// and the others render.
    @Test func aDamagedTemplateFailsAloneWhenRendered() throws {
        let text = ReplyBundle.encode(ReplyLibraryTests.library, generator: "test")
        let marker = #"{"id": "rebooked", "campaign": null, "variants": [{"names": ["#
        let damaged = text.replacingOccurrences(of: marker, with: #"{"id": "rebooked", "campaign": null, "variants": [{"names": 7, "x": ["#)
        #expect(damaged != text, "the marker should be in the bundle")
        let bundle = try ReplyBundle.decode(damaged)
        let values: [String: ReplyValue] = ["first_name": "Ana", "flight": "AC1234", "cabin": "first"]
        #expect {
            try bundle.render("acme-air/rebooked", locale: "en-US", values: values)
        } throws: { error in
            guard let error = error as? RenderError else { return false }
            return error.code == .templateInvalid && error.message.contains("damaged")
        }
        #expect(try bundle.render("acme-air/refund-check", locale: "en-US", values: ["first_name": "Ana"]).text.contains("Ana"))
    }
}
