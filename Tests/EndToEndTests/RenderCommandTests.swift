import Foundation
import Testing

/// `replykit render TEMPLATE`: the reply in each format, where values come from, which variant
/// and locale are used, campaign windows, and the one-line errors.
@Suite struct RenderCommandTests {
    /// acme-air's deep link: `account.user_id` of templates/acme-air/brand.yaml.
    static let acmeDeepLink = "https://twitter.com/messages/compose?recipient_id=3805104374"

    /// `replykit render ARGUMENTS --templates templates`.
    static func render(_ arguments: String..., stdin: [UInt8]? = nil) async throws -> ProcessOutcome {
        try await Replykit.run(["render"] + arguments + ["--templates", "templates"], stdin: stdin)
    }

    static func object(_ outcome: ProcessOutcome, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try #require(outcome.stdoutJSON as? [String: Any], "not a JSON object: \(outcome)", sourceLocation: sourceLocation)
    }

    @Test func textIsTheReplyAloneWithTheDeepLinkLast() async throws {
        let outcome = try await Self.render("acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=3")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdoutLines.count == 1, "\(outcome)")
        let text = try #require(outcome.stdoutLines.first)
        #expect(text.hasPrefix("Sorry for the wait, Ana. "))
        #expect(text.contains(" 3 business days."))
        #expect(text.hasSuffix(" " + Self.acmeDeepLink))
    }

    @Test func jsonFormatDescribesTheSameReply() async throws {
        async let plain = Self.render("acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=3")
        async let described = Self.render("acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=3",
                                          "--format", "json")
        let text = try #require(try await plain.stdoutLines.first)
        let outcome = try await described
        #expect(outcome.status == 0, "\(outcome)")
        let json = try Self.object(outcome)
        #expect(Set(json.keys) == ["text", "weighted_length", "limit", "locale", "template", "variant", "deep_link"])
        #expect(json["text"] as? String == text)
        #expect(json["limit"] as? Int == 280)
        #expect(json["locale"] as? String == "en-US")
        #expect(json["template"] as? String == "acme-air/refund-delay")
        #expect(json["variant"] as? Int == 0)
        #expect(json["deep_link"] as? String == Self.acmeDeepLink)
        // The length is X's count of the text, as `replykit count` gives it.
        let counted = try await Replykit.run("count", text)
        #expect(counted.stdoutLines == [String(json["weighted_length"] as? Int ?? -1)], "\(counted)")
    }

    @Test func xAPIFormatIsThePostTweetsBody() async throws {
        async let plain = Self.render("acme-air/refund-delay", "--examples")
        async let reply = Self.render("acme-air/refund-delay", "--examples", "--format", "x-api",
                                      "--reply-to", "1790000000000000001")
        async let alone = Self.render("acme-air/refund-delay", "--examples", "--format", "x-api")
        let text = try #require(try await plain.stdoutLines.first)
        let body = try Self.object(try await reply)
        #expect(Set(body.keys) == ["text", "reply"])
        #expect(body["text"] as? String == text)
        // A tweet id stays a string: it does not fit a double.
        #expect((body["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String == "1790000000000000001")
        let unanswered = try Self.object(try await alone)
        #expect(Set(unanswered.keys) == ["text"])
        #expect(unanswered["text"] as? String == text)
    }

    @Test(arguments: [("1", " 1 business day."), ("3", " 3 business days.")])
    func varPicksThePluralForm(_ days: String, _ phrase: String) async throws {
        let outcome = try await Self.render("acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=\(days)")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains(phrase), "\(outcome)")
    }

    @Test func valuesFromAFileAndFromStdinMatchVar() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let values = #"{"first_name": "Ana", "days": 3}"#
        let file = try scratch.write("values.json", values)
        async let fromVar = Self.render("acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=3")
        async let fromFile = Self.render("acme-air/refund-delay", "--values", file)
        async let fromStdin = Self.render("acme-air/refund-delay", "--values", "-", stdin: Array(values.utf8))
        let (reference, viaFile, viaStdin) = (try await fromVar, try await fromFile, try await fromStdin)
        #expect(reference.status == 0, "\(reference)")
        #expect(viaFile.status == 0, "\(viaFile)")
        #expect(viaStdin.status == 0, "\(viaStdin)")
        #expect(viaFile.stdout == reference.stdout)
        #expect(viaStdin.stdout == reference.stdout)
    }

    @Test func examplesFillOnlyTheValuesNotGiven() async throws {
        async let none = Self.render("acme-air/refund-delay")
        async let examples = Self.render("acme-air/refund-delay", "--examples")
        async let oneGiven = Self.render("acme-air/refund-delay", "--examples", "--var", "first_name=Zoe")
        async let allGiven = Self.render("acme-air/refund-delay", "--examples", "--var", "first_name=Zoe", "--var", "days=2")
        async let noExamples = Self.render("acme-air/refund-delay", "--var", "first_name=Zoe", "--var", "days=2")
        let missing = try await none
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error[missing-value]: "), "\(missing)")
        #expect(try await examples.status == 0)
        let partly = try await oneGiven
        #expect(partly.status == 0, "\(partly)")
        #expect(partly.stdout.hasPrefix("Sorry for the wait, Zoe. "), "\(partly)")
        #expect(try await allGiven.stdout == noExamples.stdout)
    }

    @Test func variantPicksTheVariantDirectly() async throws {
        async let first = Self.render("acme-air/bag-found", "--examples", "--variant", "0", "--format", "json")
        async let second = Self.render("acme-air/bag-found", "--examples", "--variant", "1", "--format", "json")
        async let past = Self.render("acme-air/bag-found", "--examples", "--variant", "2")
        let (zero, one) = (try Self.object(try await first), try Self.object(try await second))
        #expect(zero["variant"] as? Int == 0)
        #expect(one["variant"] as? Int == 1)
        #expect(zero["text"] as? String != one["text"] as? String)
        let outOfRange = try await past
        #expect(outOfRange.status == 1)
        #expect(outOfRange.stderr.hasPrefix("error[invalid-variant]: "), "\(outOfRange)")
    }

    /// docs/cli.md's stable hash: FNV-1a (64 bits) of the key's UTF-8, modulo the variant count.
    static func fnv1a(_ key: String) -> UInt64 {
        key.utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    @Test func keyPicksTheSameVariantEveryTime() async throws {
        let keys = ["1790000000000000001", "1790000000000000002", "1790000000000000003", "1790000000000000004",
                    "conversation-a", "conversation-b"]
        let outcomes = try await withThrowingTaskGroup(of: (String, ProcessOutcome, ProcessOutcome).self) { group in
            for key in keys {
                group.addTask {
                    async let once = Self.render("acme-air/bag-found", "--examples", "--key", key, "--format", "json")
                    async let twice = Self.render("acme-air/bag-found", "--examples", "--key", key, "--format", "json")
                    return (key, try await once, try await twice)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var seen: Set<Int> = []
        for (key, once, twice) in outcomes {
            #expect(once.status == 0, "\(once)")
            #expect(once.stdout == twice.stdout, "the same key gives the same reply")
            let variant = try #require(try Self.object(once)["variant"] as? Int)
            #expect(UInt64(variant) == Self.fnv1a(key) % 2, "key \(key)")
            seen.insert(variant)
        }
        #expect(seen == [0, 1], "different conversations spread across the variants")
    }

    @Test(arguments: [
        ("ja-JP", "ja-JP"),  // its own pack
        ("es-AR", "es-MX"),  // no es-AR, es-419 or es pack: the brand's only Spanish one
        ("es", "es-MX"),
        ("de-DE", "en-US"),  // no German at all: the brand's fallback_locale
    ])
    func localeFallsBackAsPackFormatSays(_ asked: String, _ used: String) async throws {
        let outcome = try await Self.render("acme-air/refund-delay", "--examples", "--locale", asked, "--format", "json")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(try Self.object(outcome)["locale"] as? String == used)
    }

    @Test func localeWithoutAnyPackOrFallbackIsRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try AcmeRepository.write(in: scratch, templates: [("hello", "Hello {first_name}.")])
        let outcome = try await Replykit.run("render", "acme/hello", "--examples", "--locale", "de-DE",
                                             "--templates", scratch.path("templates"))
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("error[unknown-locale]: "), "\(outcome)")
    }

    /// A values file that is not a JSON object of values is a refused request, named as one.
    @Test(arguments: ["", "{", "[1, 2]", "\"Ana\"", #"{"first_name": ["Ana"]}"#])
    func aValuesFileThatIsNoRequestIsRefused(_ text: String) async throws {
        let outcome = try await Self.render("acme-air/refund-delay", "--values", "-", stdin: Array(text.utf8))
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("error[invalid-request]: ") || outcome.stderr.hasPrefix("error[invalid-value]: "), "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
    }

    /// acme-air's `winter-storm` is approved from 2026-12-01 (00:00 UTC), with no end.
    @Test(arguments: [
        ("2026-11-30T23:59:59Z", false), ("2026-12-01", true), ("2026-12-05", true),
        ("2026-12-16T05:00:00Z", true), ("2031-01-01", true), ("1999-12-31T23:59:59-05:00", false),
    ])
    func atChecksTheCampaignWindow(_ at: String, _ open: Bool) async throws {
        let outcome = try await Self.render("acme-air/storm-delay", "--examples", "--at", at)
        if open {
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stdout.hasSuffix(Self.acmeDeepLink + "\n"), "\(outcome)")
        } else {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.hasPrefix("error[campaign-closed]: "), "\(outcome)")
        }
    }

    @Test func draftCampaignIsClosedAtAnyTime() async throws {
        // globex-mobile's holiday-roaming is a draft, whose window is 2026-12-20 to 2027-01-06.
        let outcome = try await Self.render("globex-mobile/roaming-offer", "--examples", "--at", "2026-12-25")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("error[campaign-closed]: "), "\(outcome)")
    }

    @Test(arguments: [
        (["acme-air/refund-delay", "--var", "first_name=@jack", "--var", "days=3"], "invalid-value", "first_name"),
        (["acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=31"], "invalid-value", "days"),
        (["acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=three"], "invalid-value", "days"),
        (["acme-air/refund-delay", "--var", "first_name=Ana"], "missing-value", "days"),
        (["acme-air/refund-delay", "--examples", "--var", "color=red"], "unknown-variable", "color"),
        (["acme-air/no-such-template", "--examples"], "unknown-template", "no-such-template"),
        (["no-such-brand/refund-delay"], "unknown-template", "no-such-brand"),
        (["acme-air/storm-delay", "--examples", "--at", "2026-11-01"], "campaign-closed", "winter-storm"),
    ])
    func errorIsOneLineNamingTheCause(_ arguments: [String], _ code: String, _ cause: String) async throws {
        let outcome = try await Replykit.run(["render"] + arguments + ["--templates", "templates"])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line, ended by a line break: \(outcome)")
        #expect(outcome.stderr.hasPrefix("error[\(code)]: "), "\(outcome)")
        #expect(outcome.stderr.contains("`\(cause)`"), "\(outcome)")
    }
}
