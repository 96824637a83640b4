import Foundation
import Logging
import ServerArguments
import Testing

/// `replykit serve` and `replykit mcp` as a user runs them: they exec `replykit-server`, found beside
/// `replykit`, and say how to build it when it is missing.
@Suite("replykit serve and replykit mcp")
struct CommandLineTests {
    @Test("`replykit mcp` runs replykit-server's MCP server, which answers an initialize on stdin")
    func mcpExecsTheServer() throws {
        let replykit = try #require(Executables.replykit)
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
        let outcome = try Executables.run(replykit, ["mcp", "--templates", "templates"], stdin: initialize + "\n",
                                          closeStdinAfter: #""serverInfo""#, timeout: 60)
        #expect(outcome.output.contains(#""serverInfo""#), "\(outcome.output)")
        #expect(outcome.output.contains(#""name":"replykit""#), "\(outcome.output)")
    }

    @Test("without replykit-server beside it, `replykit serve` exits 2 saying how to build it; --help still works")
    func missingServer() throws {
        let replykit = try #require(Executables.replykit)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replykit-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("replykit")
        try FileManager.default.copyItem(at: replykit, to: alone)
        for subcommand in ["serve", "mcp"] {
            let outcome = try Executables.run(alone, [subcommand, "--templates", "templates"], timeout: 30)
            #expect(outcome.status == 2)
            #expect(outcome.output.contains("replykit \(subcommand) needs replykit-server: build it with `swift build --product replykit-server`"))
            let help = try Executables.run(alone, [subcommand, "--help"], timeout: 30)
            #expect(help.status == 0)
            #expect(help.output.contains("--templates"))
        }
    }

    @Test("the servers' `--log-level` takes exactly swift-log's levels")
    func logLevelsAreSwiftLogs() {
        #expect(LogLevels.names == Logger.Level.allCases.map(\.rawValue))
    }
}
