import Foundation
import Testing

/// `replykit compile --output FILE`, and rendering from the bundle it writes.
@Suite struct CompileCommandTests {
    /// A time inside each brand's approved campaign window, so that campaign templates render too.
    static let openAt = ["acme-air": "2026-12-05", "northwind-bank": "2026-11-25", "globex-mobile": "2026-12-25"]

    /// A value for every variable of each example brand (a brand takes values its template does not use).
    static var values: [String: [String: Any]] {
        [
            "acme-air": ["first_name": "Ana", "days": 3, "flight": "AC123", "cabin": "business"],
            "globex-mobile": ["first_name": "Priya", "hours": 4, "plan": "postpaid", "area": "Downtown"],
            "northwind-bank": ["first_name": "Sam", "card_ending": "4821", "days": 3, "card_type": "credit"],
        ]
    }

    @Test func bundleRendersWhatTheYAMLRenders() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bundle = scratch.path("bundle.json")
        async let compiled = Replykit.run("compile", "templates", "--output", bundle)
        async let listed = Replykit.run("lint", "templates", "--format", "json")
        let compile = try await compiled
        #expect(compile.status == 0, "\(compile)")
        let report = try #require(try await listed.stdoutJSON as? [String: Any])
        let entries = try #require(report["templates"] as? [[String: Any]])
        #expect(!entries.isEmpty)
        let ids = Set(entries.compactMap { entry in (entry["brand"] as? String).map { "\($0)/\(entry["template"] ?? "")" } })
        #expect(compile.stdoutLines == ["compiled \(ids.count) templates into \(bundle)"], "\(compile)")

        // Every template × locale that lint read, under two keys, as batch lines.
        var requests: [String] = []
        for entry in entries {
            let brand = try #require(entry["brand"] as? String)
            let values = try #require(Self.values[brand], "no values for the example brand \(brand)")
            for key in ["1790000000000000001", "1790000000000000002"] {
                let request: [String: Any] = ["template": "\(brand)/\(entry["template"] ?? "")", "locale": entry["locale"] ?? "",
                                              "values": values, "key": key, "at": Self.openAt[brand] ?? ""]
                requests.append(String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self))
            }
        }
        let input = Array(requests.joined(separator: "\n").utf8)
        async let fromYAML = Replykit.run("render", "--batch", "-", "--templates", "templates", stdin: input)
        async let fromBundle = Replykit.run("render", "--batch", "-", "--templates", bundle, stdin: input)
        let (yaml, compiledBatch) = (try await fromYAML, try await fromBundle)
        #expect(yaml.stdoutLines.count == requests.count, "\(yaml)")
        #expect(compiledBatch.stdout == yaml.stdout, "the bundle renders every line as the packs do")
        #expect(compiledBatch.status == yaml.status)
        for (request, line) in zip(requests, yaml.stdoutLines) {
            let code = (jsonObject(line)?["error"] as? [String: Any])?["code"] as? String
            // Only globex-mobile's draft and northwind-bank's retired campaign may refuse: the values
            // fit every other template.
            #expect(jsonObject(line)?["text"] is String
                    || (code == "campaign-closed" && (request.contains("globex-mobile") || request.contains("northwind-bank"))),
                    "\(request)\n\(line)")
        }

        // A single render reads the bundle as well.
        let single = ["render", "acme-air/refund-delay", "--locale", "es-AR", "--examples", "--templates"]
        async let singleYAML = Replykit.run(single + ["templates"])
        async let singleBundle = Replykit.run(single + [bundle])
        let reference = try await singleYAML
        #expect(reference.status == 0, "\(reference)")
        #expect(try await singleBundle.stdout == reference.stdout)
    }

    @Test func lintErrorsStopTheCompile() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bundle = scratch.path("bundle.json")
        let outcome = try await Replykit.run("compile", LintCommandTests.broken, "--output", bundle)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.contains("error[schema]"), "the errors go to stderr: \(outcome)")
        #expect(!FileManager.default.fileExists(atPath: bundle), "nothing is written")
    }

    @Test func damagedBundleIsRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bundle = try scratch.write("bundle.json", #"{"format": "not a replykit bundle"#)
        let outcome = try await Replykit.run("render", "acme-air/refund-delay", "--examples", "--templates", bundle)
        #expect(outcome.status == 2, "the packs cannot be loaded: \(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("error: \(bundle): "), "\(outcome)")
    }
}
