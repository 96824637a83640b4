import Foundation
import Testing

/// `replykit lsp` driven by real LSP clients: the pytest-lsp suite in Tests/Python/lsp (its client
/// sends VS Code's and Neovim's capabilities), and raw JSON-RPC on the process's stdin.
@Suite struct LSPCommandTests {
    static let python = Replykit.packageRoot.appendingPathComponent(".build/test-venv/bin/python3")

    @Test(.timeLimit(.minutes(10)))
    func theEditorSuitePasses() async throws {
        let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
        let probe = FileManager.default.isExecutableFile(atPath: Self.python.path)
            ? try await Replykit.run(["-c", "import pytest, pytest_lsp, pytest_asyncio"], executable: Self.python)
            : nil
        guard let probe, probe.status == 0 else {
            let why = "skipped the LSP editor suite: \(Self.python.path) with pytest-lsp is missing (`make test` installs Scripts/test-tools/lsp.pip)"
            if isCI { Issue.record(Comment(rawValue: why)) } else { print(why) }
            return
        }
        let replykit = try Replykit.executableURL.get()
        let outcome = try await Replykit.run(["-m", "pytest", "Tests/Python/lsp", "-q", "-p", "no:cacheprovider"],
                                             timeout: 540, executable: Self.python, environment: ["REPLYKIT": replykit.path],
                                             takesSlot: false)
        #expect(outcome.status == 0, "pytest failed:\n\(outcome.stdout)\(outcome.stderr)")
    }

    func frame(_ json: String) -> [UInt8] { Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    @Test func answersNonsenseAndExitsAsTold() async throws {
        var input = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        input += Array("Content-Length: abc\r\n\r\n".utf8)
        input += frame("{oops")
        input += frame(#"{"jsonrpc":"2.0","id":2,"method":"no/such/method"}"#)
        input += frame(#"{"jsonrpc":"2.0","method":"no/such/notification"}"#)
        input += frame(#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#)
        input += frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let outcome = try await Replykit.run(["lsp"], stdin: input)
        #expect(outcome.status == 0, "\(outcome)")
        // Every message is framed: the bytes after each header are exactly its Content-Length.
        var messages: [[String: Any]] = []
        var rest = outcome.stdoutBytes[...]
        while let header = rest.firstRange(of: Array("\r\n\r\n".utf8)) {
            let length = Int(String(decoding: rest[..<header.lowerBound], as: UTF8.self)
                .replacingOccurrences(of: "Content-Length: ", with: "")) ?? -1
            let body = rest[header.upperBound...].prefix(max(0, length))
            #expect(body.count == length, "\(outcome)")
            if let message = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] { messages.append(message) }
            rest = rest[header.upperBound...].dropFirst(max(0, length))
        }
        #expect(rest.isEmpty, "\(outcome)")
        func answer(_ id: Int) -> [String: Any]? { messages.first { $0["id"] as? Int == id } }
        #expect((answer(1)?["result"] as? [String: Any])?["capabilities"] != nil, "\(outcome)")
        #expect((answer(2)?["error"] as? [String: Any])?["code"] as? Int == -32601, "\(outcome)")
        #expect(answer(3)?["result"] is NSNull, "\(outcome)")
        let unreadable = messages.filter { $0["id"] is NSNull }.compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
        #expect(unreadable == [-32700, -32700], "the bad header and the bad JSON: \(outcome)")
    }

    @Test func endOfInputWithoutShutdownExitsWithOne() async throws {
        let outcome = try await Replykit.run(["lsp"], stdin: frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.isEmpty || !outcome.stderr.contains("Fatal"), "\(outcome)")
    }
}
