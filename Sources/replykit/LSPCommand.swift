import ArgumentParser
import Foundation
import ReplyLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17, JSON-RPC on stdin and stdout) for editors."
    )

    @Flag(help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    @Option(help: "The rules' documentation; each diagnostic links to it with #<rule-id>.")
    var rulesDocs: String?

    func run() throws {
        var options = LanguageServer.Options()
        options.version = ReplyKitCommand.configuration.version
        if let rulesDocs { options.rulesDocumentation = rulesDocs }
        let code = StdioTransport.run(options: options)
        if code != 0 { throw ExitCode(code) }
    }
}
