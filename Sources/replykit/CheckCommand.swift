import ArgumentParser
import Foundation
import ReplyKit
import ReplyLint
import ReplyKitSupport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a finished reply, written by hand or by an agent, with the rules that apply to posted text.",
        discussion: """
            Checks the weighted length against the brand's max_length, the DM deep link (at most \
            one, last, the brand's host and user_id, text= and welcome_message_id= well formed), URLs \
            outside allowed_domains, mentions, invisible, bidi and control characters, NFC, and the \
            copy-safety rules: a reply that ends with the brand's deep link hands off to DMs, any \
            other is public. With no TEXT, reads standard input (one trailing line break is ignored). \
            With --jsonl, each input line (a JSON string, or {"brand", "locale", "text"}) gives one \
            JSON output line, in order; a bad line gives an error line and the rest go on. Exit 0 \
            when nothing at error level was found, 1 otherwise, 2 when the check could not run.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json
    }

    @Argument(help: "The reply; standard input when omitted. Several are joined with single spaces.")
    var text: [String] = []

    @Option(help: "The brand the reply is for (required unless every --jsonl line names its brand).")
    var brand: String?

    @Option(help: "The reply's locale (default: the brand's default locale).")
    var locale: String?

    @Option(help: "Where the packs are, or a bundle from `replykit compile` (default: discovered from the current directory).")
    var templates: String?

    @Option(help: "Output: human (default) or json. --jsonl always writes JSON lines.")
    var format: Format?

    @Flag(help: "Read JSON Lines from standard input: each line a JSON string or {\"brand\", \"locale\", \"text\"}.")
    var jsonl = false

    @Flag(help: "No colours (also off when stdout is not a terminal or NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if jsonl {
            guard text.isEmpty else { throw ValidationError("--jsonl reads standard input; give no TEXT") }
            guard format != .human else { throw ValidationError("--jsonl writes JSON lines; --format human does not apply") }
        } else if brand == nil {
            throw ValidationError("missing --brand ID")
        }
    }

    func run() throws {
        let checker: ReplyChecker
        do {
            checker = try ReplyChecker(contentsOf: templates ?? ".")
        } catch {
            Terminal.writeError("error[\(error.code.rawValue)]: \(error.message)\n")
            throw ExitCode(2)
        }
        if jsonl {
            try runLines(checker)
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
        let result: ReplyCheckResult
        do {
            result = try checker.check(input, brand: brand ?? "", locale: locale)
        } catch {
            Terminal.writeError("error[\(error.code.rawValue)]: \(error.message)\n")
            throw ExitCode(2)
        }
        switch format ?? .human {
        case .human: print(result.humanReport(colors: Terminal.wantsColor(flagOff: noColor)), terminator: "")
        case .json: print(result.jsonLine)
        }
        if !result.ok { throw ExitCode(1) }
    }

    private func runLines(_ checker: ReplyChecker) throws {
        var failed = false
        var number = 0
        var reader = LineReader(.standardInput)
        while let line = reader.next() {
            number += 1
            do throws(ReplyCheckError) {
                let request = try ReplyCheckRequest(jsonLine: line, brand: brand, locale: locale)
                let result = try checker.check(request.text, brand: request.brand, locale: request.locale)
                failed = failed || !result.ok
                print(result.jsonLine)
            } catch {
                failed = true
                print(error.json(line: number).serialized())
            }
        }
        if failed { throw ExitCode(1) }
    }
}
