import Foundation
import Testing

/// `replykit render --batch`: one output line per input line, in order; a bad line fails alone;
/// `--at` is the time of every line.
@Suite struct RenderBatchCommandTests {
    static let good = #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}, "key": "1790000000000000001"}"#
    static let notJSON = "this is not JSON"
    static let unknownTemplate = #"{"template": "acme-air/no-such-template", "values": {}}"#
    static let refusedValue = #"{"template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "@jack", "days": 3}}"#
    static let otherGood = #"{"template": "acme-air/bag-found", "locale": "fr-FR", "values": {"first_name": "Ana"}, "key": "42"}"#

    static let mixed = [good, notJSON, unknownTemplate, refusedValue, otherGood]

    static func batch(_ source: String, at: String? = nil, stdin: [UInt8]? = nil) async throws -> ProcessOutcome {
        try await Replykit.run(["render", "--batch", source, "--templates", "templates"] + (at.map { ["--at", $0] } ?? []),
                               stdin: stdin)
    }

    static func errorCode(_ line: String) -> String? {
        (jsonObject(line)?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func badLinesInTheMiddleDoNotStopTheRest() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = Self.mixed.joined(separator: "\n") + "\n"
        let file = try scratch.write("requests.jsonl", input)
        async let fromFile = Self.batch(file)
        async let fromStdin = Self.batch("-", stdin: Array(input.utf8))
        async let first = Replykit.run("render", "acme-air/refund-delay", "--var", "first_name=Ana", "--var", "days=3",
                                       "--key", "1790000000000000001", "--format", "json", "--templates", "templates")
        async let last = Replykit.run("render", "acme-air/bag-found", "--locale", "fr-FR", "--var", "first_name=Ana",
                                      "--key", "42", "--format", "json", "--templates", "templates")
        let outcome = try await fromFile
        #expect(outcome.status == 1, "a line failed: \(outcome)")
        let lines = outcome.stdoutLines
        try #require(lines.count == Self.mixed.count, "one output line per input line: \(outcome)")
        // A good line gives what `render --format json` prints for the same request.
        #expect(lines[0] == (try await first).stdoutLines.first)
        #expect(lines[4] == (try await last).stdoutLines.first)
        #expect(Self.errorCode(lines[1]) == "invalid-request")
        #expect(Self.errorCode(lines[2]) == "unknown-template")
        #expect(Self.errorCode(lines[3]) == "invalid-value")
        #expect((jsonObject(lines[3])?["error"] as? [String: Any])?["variable"] as? String == "first_name")
        // Standard input is read the same way as a file.
        let piped = try await fromStdin
        #expect(piped.status == 1)
        #expect(piped.stdout == outcome.stdout)
    }

    @Test func batchOfGoodLinesExitsZero() async throws {
        let input = [Self.good, Self.otherGood].joined(separator: "\n")  // the last line without a line break
        let outcome = try await Self.batch("-", stdin: Array(input.utf8))
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdoutLines.count == 2, "\(outcome)")
        #expect(outcome.stdoutLines.allSatisfy { jsonObject($0)?["text"] is String }, "\(outcome)")
    }

    @Test func unreadableBatchFileExitsTwo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outcome = try await Self.batch(scratch.path("missing.jsonl"))
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains("missing.jsonl"), "\(outcome)")
    }

    // acme-air's winter-storm window: 2026-12-01 to 2026-12-15T23:59:59-05:00.
    static let campaign = #"{"template": "acme-air/storm-delay", "values": {"first_name": "Ana"}}"#
    static let plain = #"{"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 3}}"#

    /// Batch lines are rendered at `--at`, not at the clock's time: whatever today's date, one of
    /// the two times lies on the other side of the window, so a batch that read the clock fails a case.
    @Test(arguments: [("2026-11-01", false), ("2026-12-05", true)])
    func atIsTheTimeOfEveryLine(_ at: String, _ open: Bool) async throws {
        let input = [Self.campaign, Self.plain, Self.campaign].joined(separator: "\n") + "\n"
        async let batch = Self.batch("-", at: at, stdin: Array(input.utf8))
        async let single = Replykit.run("render", "acme-air/storm-delay", "--var", "first_name=Ana", "--at", at,
                                        "--format", "json", "--templates", "templates")
        let outcome = try await batch
        let lines = outcome.stdoutLines
        try #require(lines.count == 3, "\(outcome)")
        let reference = try await single
        if open {
            #expect(outcome.status == 0, "\(outcome)")
            #expect(lines[0] == reference.stdoutLines.first, "as `render --at` renders it: \(reference)")
            #expect(lines[2] == lines[0])
        } else {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(reference.stderr.hasPrefix("error[campaign-closed]: "), "\(reference)")
            #expect(Self.errorCode(lines[0]) == "campaign-closed", "\(outcome)")
            #expect(Self.errorCode(lines[2]) == "campaign-closed", "\(outcome)")
        }
        #expect(jsonObject(lines[1])?["text"] is String, "a template outside any campaign renders at any time: \(outcome)")
    }

    @Test func lineMayNotMoveTheTimeThatAtSets() async throws {
        let own = #"{"template": "acme-air/storm-delay", "values": {"first_name": "Ana"}, "at": "2026-12-05"}"#
        let same = #"{"template": "acme-air/storm-delay", "values": {"first_name": "Ana"}, "at": "2026-11-01T00:00:00Z"}"#
        let input = [own, same].joined(separator: "\n")
        let outcome = try await Self.batch("-", at: "2026-11-01", stdin: Array(input.utf8))
        let lines = outcome.stdoutLines
        try #require(lines.count == 2, "\(outcome)")
        #expect(outcome.status == 1)
        #expect(Self.errorCode(lines[0]) == "invalid-request", "a line's own `at` differs from --at: \(outcome)")
        #expect(Self.errorCode(lines[1]) == "campaign-closed", "the same time, written otherwise, is no conflict: \(outcome)")
    }

    @Test func withoutAtEachLineMayGiveItsOwnTime() async throws {
        let open = #"{"template": "acme-air/storm-delay", "values": {"first_name": "Ana"}, "at": "2026-12-05"}"#
        let closed = #"{"template": "acme-air/storm-delay", "values": {"first_name": "Ana"}, "at": "2026-11-01"}"#
        let outcome = try await Self.batch("-", stdin: Array([open, closed].joined(separator: "\n").utf8))
        let lines = outcome.stdoutLines
        try #require(lines.count == 2, "\(outcome)")
        #expect(jsonObject(lines[0])?["text"] is String, "\(outcome)")
        #expect(Self.errorCode(lines[1]) == "campaign-closed", "\(outcome)")
    }
}
