import ArgumentParser
import Foundation
import ReplyKit
import TweetText
import ReplyCompiler
import ReplyKitSupport
import ReplyLint

struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print the weighted length X counts for a text (twitter-text v3 rules).",
        discussion: """
            With no TEXT, reads standard input (one trailing line break is ignored). Several TEXT \
            arguments are joined with single spaces, as the shell split them.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The text to count; standard input when omitted.")
    var text: [String] = []

    @Option(help: "Output format: text (the length alone) or json (twitter-text's parse results).")
    var format: Format = .text

    @Flag(help: "Read JSON Lines from standard input: each line a JSON string; print one JSON object per line.")
    var jsonl = false

    @Option(name: .long, help: "Counting rules: v2, v3, or the path of a twitter-text configuration JSON file.")
    var config: String = "v3"

    func run() throws {
        let configuration = try loadConfiguration()
        if jsonl {
            guard text.isEmpty else { throw ValidationError("--jsonl reads standard input; give no TEXT") }
            var failed = false
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                do {
                    guard case .string(let input) = try JSONValue.parse(line) else {
                        throw JSONValue.ParseError(message: "the line is not a JSON string")
                    }
                    print(TwitterText.parseTweet(input, configuration: configuration).json.serialized())
                } catch {
                    failed = true
                    print(JSONValue.object([("error", .object([
                        ("code", .string("invalid-line")), ("line", .int(lineNumber)),
                        ("message", .string("\(error)")),
                    ]))]).serialized())
                }
            }
            if failed { throw ExitCode(1) }
            return
        }
        let input: String
        if text.isEmpty {
            var data = FileHandle.standardInput.readDataToEndOfFile()
            if data.last == 0x0A { data.removeLast(); if data.last == 0x0D { data.removeLast() } }
            input = String(decoding: data, as: UTF8.self)
        } else {
            input = text.joined(separator: " ")
        }
        let result = TwitterText.parseTweet(input, configuration: configuration)
        switch format {
        case .text: print(result.weightedLength)
        case .json: print(result.json.serialized())
        }
    }

    private func loadConfiguration() throws -> TwitterTextConfiguration {
        switch config {
        case "v2": return .v2
        case "v3": return .v3
        default:
            guard let data = FileManager.default.contents(atPath: config) else {
                throw ValidationError("--config takes v2, v3 or a readable JSON file; cannot read '\(config)'")
            }
            do {
                return try JSONDecoder().decode(TwitterTextConfiguration.self, from: data)
            } catch {
                throw ValidationError("'\(config)' is not a twitter-text configuration: \(error)")
            }
        }
    }
}
