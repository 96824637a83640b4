import ArgumentParser
import Foundation
import ReplyKit
import ReplyCompiler
import ReplyKitSupport

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one reply (or a batch of JSON Lines) exactly as it is to be posted.",
        discussion: """
            TEMPLATE is brand/template. A bad value, an unknown template or a closed campaign is a \
            one-line error on stderr naming the cause, with exit 1. With --batch, every input line \
            gives one output line, in order; a bad line gives an error line and the batch goes on.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
        case xAPI = "x-api"
    }

    @Argument(help: "brand/template (not with --batch).")
    var template: String?

    @Option(help: "The locale to render for (default: the brand's default locale).")
    var locale: String?

    @Option(name: .customLong("var"), help: "A value: NAME=VALUE (repeatable).")
    var variables: [String] = []

    @Option(help: "A JSON object of values (- for standard input).")
    var values: String?

    @Flag(help: "Use the variables' `example` values for any not given.")
    var examples = false

    @Option(help: "Picks the variant by a stable hash (for example the customer's tweet id).")
    var key: String?

    @Option(help: "Picks the variant directly (0-based).")
    var variant: Int?

    @Option(help: "The time campaign windows are checked against (ISO 8601; default now), for --batch lines too.")
    var at: String?

    @Option(help: "Output: text (the reply alone), json, or x-api (the body of POST /2/tweets).")
    var format: Format = .text

    @Option(name: .customLong("reply-to"), help: "With --format x-api: the tweet id this reply answers.")
    var replyTo: String?

    @Option(help: "Where the packs are (default: discovered from the current directory, as for lint).")
    var templates: String?

    @Option(help: "Read JSON Lines requests from FILE (- for standard input) and write one JSON line each.")
    var batch: String?

    func run() throws {
        let library: ReplyLibrary
        do {
            library = try ReplyLibrary(contentsOf: templates ?? ".")
        } catch {
            Terminal.writeError("error: \(error.message)\n")
            throw ExitCode(2)
        }
        let time = try atDate()
        if let batch {
            guard template == nil else { throw ValidationError("give TEMPLATE or --batch, not both") }
            try runBatch(library, from: batch, at: time)
            return
        }
        guard let template else { throw ValidationError("missing TEMPLATE (brand/template), or --batch FILE") }
        do {
            var request = RenderRequest(template: template, locale: locale, key: key, variant: variant, at: time)
            if let values { request.values = try Self.readValues(values) }
            for argument in variables {
                guard let equals = argument.firstIndex(of: "=") else { throw ValidationError("--var \(argument): write NAME=VALUE") }
                request.values[String(argument[..<equals])] = .text(String(argument[argument.index(after: equals)...]))
            }
            if examples {
                for (name, example) in library.examples(for: template) where request.values[name] == nil {
                    request.values[name] = .text(example)
                }
            }
            let reply = try library.render(request)
            switch format {
            case .text: print(reply.text)
            case .json: print(reply.json.serialized())
            case .xAPI: print(reply.xAPIBody(inReplyTo: replyTo).serialized())
            }
        } catch let error as RenderError {
            Terminal.writeError("error[\(error.code.rawValue)]: \(error.message)\n")
            throw ExitCode(1)
        }
    }

    /// `--at` as a date; a value that is not one is a usage error.
    private func atDate() throws -> Date? {
        guard let at else { return nil }
        guard let seconds = ISODate.parse(at) else {
            throw ValidationError("--at: `\(at)` is not an ISO 8601 date or date-time with an offset")
        }
        return Date(timeIntervalSince1970: seconds)
    }

    private func runBatch(_ library: ReplyLibrary, from path: String, at time: Date?) throws {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else {
                Terminal.writeError("error: \(path): cannot be read\n")
                throw ExitCode(2)
            }
            handle = file
        }
        var failed = false
        var reader = LineReader(handle)
        while let line = reader.next() {
            let (output, lineFailed) = Self.renderBatchLine(line, library, at: time)
            failed = failed || lineFailed
            print(output.serialized())
        }
        if failed { throw ExitCode(1) }
    }

    /// One batch line rendered at `--at` when it is given, else as the line says.
    ///
    /// `--at` is the time of the whole batch: a line that names another `at` fails alone rather
    /// than open a campaign window the caller closed (the spec gives lines no time of their own).
    static func renderBatchLine(_ line: String, _ library: ReplyLibrary, at time: Date?) -> (output: JSONValue, failed: Bool) {
        guard let time else { return library.renderBatchLine(line) }
        do throws(RenderError) {
            var request = try RenderRequest(jsonLine: line)
            if let own = request.at, own != time {
                throw RenderError(.invalidRequest, "the line's `at` differs from --at, the time of the whole batch")
            }
            request.at = time
            return (try library.render(request).json, false)
        } catch {
            return (error.json, true)
        }
    }

    static func readValues(_ path: String) throws -> [String: ReplyValue] {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw ValidationError("--values \(path): cannot be read") }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw RenderError(.invalidRequest, "--values \(path) is not JSON: \(error)")
        }
        guard case .object(let fields) = parsed else {
            throw RenderError(.invalidRequest, "--values \(path) is not a JSON object of values")
        }
        return try RenderRequest.values(fields)
    }
}

/// Lines of a file, read in chunks; every line, the last too even without a line break.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var done = false

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if done {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { done = true } else { buffer += chunk }
        }
    }
}
