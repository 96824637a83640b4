import Foundation
import Testing

/// The Python suites against the built `replykit-server`: the OpenAPI bodies (python jsonschema),
/// schemathesis, reload and shutdown of the real process (Tests/Python/serve), and the MCP server
/// driven by the Python `mcp` client (Tests/Python/mcp). Skipped, saying so, when the test tools
/// are missing (`make test` installs them), except with CI=true, where that fails.
@Suite("Python suites against replykit-server", .serialized)
struct PythonSuiteTests {
    static let enabled = Executables.pythonToolsPresent || Executables.required

    @Test("Tests/Python/serve: OpenAPI bodies, schemathesis, reload under load, graceful shutdown, logs",
          .enabled(if: enabled, "the test tools are missing (.build/test-venv with pytest, jsonschema, schemathesis, mcp): run `make test-tools`"))
    func serve() throws { try runSuite("Tests/Python/serve") }

    @Test("Tests/Python/mcp: the tools through the Python mcp client",
          .enabled(if: enabled, "the test tools are missing (.build/test-venv with pytest, mcp): run `make test-tools`"))
    func mcp() throws { try runSuite("Tests/Python/mcp") }

    private func runSuite(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard Executables.pythonToolsPresent else {
            Issue.record("CI=true and the test tools are missing: \(Executables.python.path) with pytest, jsonschema, schemathesis, mcp", sourceLocation: sourceLocation)
            return
        }
        let server = try #require(Executables.server, "no products directory to find replykit-server in", sourceLocation: sourceLocation)
        let outcome = try Executables.run(Executables.python, ["-m", "pytest", folder, "-q", "-p", "no:cacheprovider"],
                                          environment: ["REPLYKIT_SERVER": server.path], timeout: 600)
        #expect(outcome.status == 0, "\(folder):\n\(outcome.output)", sourceLocation: sourceLocation)
    }
}
