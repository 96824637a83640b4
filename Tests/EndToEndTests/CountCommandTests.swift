import Foundation
import Testing

/// `replykit count`: X's weighted length of arguments or standard input.
@Suite struct CountCommandTests {
    static let jsonKeys: Set = ["weightedLength", "valid", "permillage", "displayRangeStart", "displayRangeEnd",
                                "validRangeStart", "validRangeEnd"]

    @Test(arguments: [
        (["hello"], 5),
        (["hello", "world"], 11),               // joined by one space
        (["日本語"], 6),                          // CJK weighs 2
        (["see https://example.com/a/long/path"], 4 + 23),  // every URL counts 23
        (["👍🏽"], 2),                            // an emoji sequence weighs 2 in v3
    ])
    func countsArguments(_ arguments: [String], _ length: Int) async throws {
        let outcome = try await Replykit.run(["count"] + arguments)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "\(length)\n")
    }

    @Test func countsStdinWithoutItsFinalLineBreak() async throws {
        async let piped = Replykit.run("count", stdin: Array("héllo 👍🏽\n".utf8))
        async let crlf = Replykit.run("count", stdin: Array("héllo 👍🏽\r\n".utf8))
        async let argument = Replykit.run("count", "héllo 👍🏽")
        let reference = try await argument
        #expect(reference.stdout == "8\n")
        #expect(try await piped.stdout == reference.stdout)
        #expect(try await crlf.stdout == reference.stdout)
    }

    @Test func jsonFormatGivesTwitterTextsParseResults() async throws {
        let long = String(repeating: "a", count: 281)
        async let short = Replykit.run("count", "--format", "json", "日本語 ok")
        async let over = Replykit.run("count", "--format", "json", long)
        let fits = try #require(try await short.stdoutJSON as? [String: Any])
        #expect(Set(fits.keys) == Self.jsonKeys)
        #expect(fits["weightedLength"] as? Int == 9)
        #expect(fits["valid"] as? Bool == true)
        #expect(fits["permillage"] as? Int == 9 * 1000 / 280)
        #expect(fits["displayRangeEnd"] as? Int == 5, "UTF-16 offsets, inclusive")
        let tooLong = try #require(try await over.stdoutJSON as? [String: Any])
        #expect(tooLong["weightedLength"] as? Int == 281)
        #expect(tooLong["valid"] as? Bool == false)
        #expect(tooLong["validRangeEnd"] as? Int == 279, "the first 280 characters are valid")
    }

    @Test func jsonlGivesOneObjectPerLineAndABadLineFailsAlone() async throws {
        let input = "\"a\"\n\"日本\"\nnot json\n\"b\"\n"
        async let lines = Replykit.run("count", "--jsonl", stdin: Array(input.utf8))
        async let good = Replykit.run("count", "--jsonl", stdin: Array("\"a\"\n\"日本\"\n".utf8))
        let outcome = try await lines
        #expect(outcome.status == 1, "\(outcome)")
        let objects = outcome.stdoutLines.map(jsonObject)
        try #require(objects.count == 4, "\(outcome)")
        #expect(objects[0]?["weightedLength"] as? Int == 1)
        #expect(objects[1]?["weightedLength"] as? Int == 4)
        #expect(objects[2]?["error"] is [String: Any], "\(outcome)")
        #expect(objects[3]?["weightedLength"] as? Int == 1)
        #expect(objects.compactMap { $0 }.filter { $0["error"] == nil }.allSatisfy { Set($0.keys) == Self.jsonKeys })
        #expect(try await good.status == 0)
    }

    @Test func configV2CountsEmojiByCodePoint() async throws {
        async let v2 = Replykit.run("count", "--config", "v2", "👍🏽")
        async let v3 = Replykit.run("count", "--config", "v3", "👍🏽")
        #expect(try await v2.stdout == "4\n", "two code points of weight 2")
        #expect(try await v3.stdout == "2\n")
    }
}
