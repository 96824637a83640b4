import Foundation
import Testing

/// `replykit check`: finished replies checked for one brand, from arguments, stdin or JSON Lines.
@Suite struct CheckCommandTests {
    static let link = "https://twitter.com/messages/compose?recipient_id=3805104374"
    static let handOff = "Lo sentimos, Ana. Compártenos tu número de reserva por DM. \(link)"
    static let publicAsk = "Lo sentimos, Ana. Compártenos tu número de reserva."

    @Test func aCleanReplyPasses() async throws {
        let outcome = try await Replykit.run("check", "--brand", "acme-air", "--locale", "es-MX", Self.handOff)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdoutLines.last?.hasPrefix("ok: 0 errors, 0 warnings;") == true, "\(outcome)")
        #expect(outcome.stdout.contains("hands off to DM"))
    }

    @Test func anErrorExitsOneAndQuotesTheReply() async throws {
        let outcome = try await Replykit.run("check", "--brand", "acme-air", "--locale", "es-MX", Self.publicAsk)
        #expect(outcome.status == 1, "\(outcome)")
        let lines = outcome.stdoutLines
        #expect(lines.first == "error[private-info-in-public]: the reply asks for private information (`número de reserva`) in a public reply")
        #expect(lines.contains { $0.hasPrefix(" --> <input>:1:") }, "\(outcome)")
        #expect(lines.contains("1 | \(Self.publicAsk)"), "\(outcome)")
        #expect(lines.contains { $0.hasPrefix("not ok: 1 error, 0 warnings;") }, "\(outcome)")
    }

    @Test func readsStdinWithoutItsFinalLineBreak() async throws {
        async let piped = Replykit.run("check", "--brand", "acme-air", "--format", "json", stdin: Array("Gracias 👍🏽\n".utf8))
        async let argument = Replykit.run("check", "--brand", "acme-air", "--format", "json", "Gracias 👍🏽")
        let (fromStdin, fromArgument) = (try await piped, try await argument)
        #expect(fromStdin.status == 0, "\(fromStdin)")
        #expect(fromStdin.stdout == fromArgument.stdout)
        let json = try #require(fromStdin.stdoutJSON as? [String: Any])
        #expect(json["weighted_length"] as? Int == 10)
        // The brand's default locale, en-US.
        #expect(json["locale"] as? String == "en-US")
    }

    @Test func jsonGivesLintsDiagnosticFieldsWithPositionsInTheText() async throws {
        let text = "Hola\nEscríbenos @AcmeCrew https://x.com/messages/compose?recipient_id=3805104374"
        let outcome = try await Replykit.run("check", "--brand", "acme-air", "--locale", "es-MX", "--format", "json", text)
        #expect(outcome.status == 1, "\(outcome)")
        let json = try #require(outcome.stdoutJSON as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        #expect(json["limit"] as? Int == 280)
        #expect(json["weighted_length"] as? Int == 4 + 1 + 10 + 1 + 9 + 1 + 23)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["mention-in-template", "deep-link"])
        let mention = try #require(diagnostics.first)
        #expect(Set(mention.keys) == ["rule", "severity", "message", "file", "line", "column", "end_line", "end_column",
                                      "brand", "locale", "template", "notes", "fixable"])
        #expect(mention["severity"] as? String == "warning")
        #expect((mention["line"] as? Int, mention["column"] as? Int, mention["end_line"] as? Int, mention["end_column"] as? Int)
                == (2, 12, 2, 21))
        #expect(mention["brand"] as? String == "acme-air" && mention["locale"] as? String == "es-MX")
        #expect(mention["file"] is NSNull && mention["template"] is NSNull)
        #expect((diagnostics[1]["message"] as? String)?.contains("`x.com`, not to `twitter.com`") == true)
    }

    @Test func jsonLinesGiveOneLineEachInOrderAndABadLineStopsNothing() async throws {
        let input = [
            #""Gracias por escribirnos.""#,
            #"{"brand": "acme-air", "locale": "es-MX", "text": "Compártenos tu número de reserva."}"#,
            #"{"text": 42}"#,
            "not json",
            #"{"brand": "no-such-brand", "text": "Hi"}"#,
            #"{"brand": "acme-air", "locale": "es-MX", "text": "Escríbenos por DM. \#(Self.link)"}"#,
        ].joined(separator: "\n")
        let outcome = try await Replykit.run("check", "--jsonl", "--brand", "acme-air", stdin: Array(input.utf8))
        #expect(outcome.status == 1, "\(outcome)")
        let lines = outcome.stdoutLines.map { jsonObject($0) }
        #expect(lines.count == 6, "\(outcome)")
        guard lines.count == 6 else { return }
        #expect(lines[0]?["ok"] as? Bool == true)
        #expect(lines[1]?["ok"] as? Bool == false)
        #expect(((lines[1]?["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String) == "private-info-in-public")
        for (index, code) in [(2, "invalid-line"), (3, "invalid-line"), (4, "unknown-brand")] {
            let error = lines[index]?["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "line \(index + 1): \(outcome.stdoutLines[index])")
            #expect(error?["line"] as? Int == index + 1)
        }
        #expect(lines[5]?["ok"] as? Bool == true)
        #expect(lines[5]?["hands_off_to_dm"] as? Bool == true)
    }

    @Test func jsonLinesThatAllPassExitZero() async throws {
        let input = "\"Gracias.\"\n{\"brand\": \"globex-mobile\", \"text\": \"Thanks!\"}\n"
        let outcome = try await Replykit.run("check", "--jsonl", "--brand", "acme-air", stdin: Array(input.utf8))
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdoutLines.count == 2)
    }

    @Test(arguments: [
        (["check", "Hi"], "missing --brand"),
        (["check", "--brand", "no-such-brand", "Hi"], "error[unknown-brand]: no brand `no-such-brand`"),
        (["check", "--brand", "acme-air", "--locale", "xx", "Hi"], "error[unknown-locale]: no locale data covers `xx`"),
        (["check", "--brand", "acme-air", "--templates", "no/such/folder", "Hi"], "error[invalid-templates]"),
        (["check", "--jsonl", "--brand", "acme-air", "Hi"], "--jsonl reads standard input"),
        (["check", "--brand", "acme-air", "--format", "xml", "Hi"], "xml"),
    ])
    func refusesWithExitTwo(_ arguments: [String], _ message: String) async throws {
        let outcome = try await Replykit.run(arguments)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(message), "\(outcome)")
    }

    /// Packs elsewhere, and the bundle `replykit compile` makes of them: the same findings.
    @Test func checksFromPacksAndFromABundle() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copy(fromPackage: "templates/acme-air", to: "repo/templates/acme-air")
        try scratch.write("repo/locales/en-US.yaml", "locale: en-US\nparent: en\nterms:\n  private_info: [\"Acme Skypass\"]\n")
        try scratch.write("repo/replykit.yaml", "rules:\n  mention-in-template: error\n")
        let bundle = scratch.path("bundle.json")
        let compile = try await Replykit.run("compile", scratch.path("repo"), "--output", bundle)
        #expect(compile.status == 0, "\(compile)")
        let repo = scratch.path("repo")

        let ask = "Please reply with your Acme Skypass. See https://bit.ly/3xYz"
        async let packs = Replykit.run("check", "--brand", "acme-air", "--templates", repo, "--format", "json", ask)
        async let compiled = Replykit.run("check", "--brand", "acme-air", "--templates", bundle, "--format", "json", ask)
        for outcome in [try await packs, try await compiled] {
            #expect(outcome.status == 1, "\(outcome)")
            let diagnostics = (outcome.stdoutJSON as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.map { $0["rule"] as? String } == ["private-info-in-public", "url-not-allowed"], "\(outcome)")
        }

        // replykit.yaml applies to the packs; a bundle holds none, so rules keep their defaults.
        async let mentionPacks = Replykit.run("check", "--brand", "acme-air", "--templates", repo, "Thanks @bob")
        async let mentionBundle = Replykit.run("check", "--brand", "acme-air", "--templates", bundle, "Thanks @bob")
        let (fromPacks, fromBundle) = (try await mentionPacks, try await mentionBundle)
        #expect(fromPacks.status == 1 && fromPacks.stdout.hasPrefix("error[mention-in-template]"), "\(fromPacks)")
        #expect(fromBundle.status == 0 && fromBundle.stdout.hasPrefix("warning[mention-in-template]"), "\(fromBundle)")

        let broken = try scratch.write("broken.json", "{\"format\": \"replykit-bundle\", \"version\": 2, \"brands\": []}")
        let old = try await Replykit.run("check", "--brand", "acme-air", "--templates", broken, "Hi")
        #expect(old.status == 2 && old.stderr.contains("compile it again"), "\(old)")
    }
}
