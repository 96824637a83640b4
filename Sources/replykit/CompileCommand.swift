import ArgumentParser
import Foundation
import ReplyKit
import ReplyLint
import ReplyCompiler
import ReplyKitSupport

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Check templates like lint and write a versioned bundle that the ReplyKit library loads without YAML.",
        discussion: "Lint errors stop the compile (exit 1) and are printed on stderr; nothing is written then."
    )

    @Argument(help: "A template repository, templates folder or brand folder (default: .).")
    var path: String = "."

    @Option(name: .shortAndLong, help: "The bundle to write (JSON).")
    var output: String

    func run() throws {
        var options = LintRun.Options()
        options.paths = [path]
        options.quiet = true
        options.colors = Terminal.wantsColor(flagOff: false)
        options.toolVersion = ReplyKitCommand.configuration.version
        let outcome = LintRun(options: options).run()
        guard let result = outcome.result else {
            Terminal.writeError(outcome.stderr)
            throw ExitCode(2)
        }
        if outcome.exitCode != 0 {
            Terminal.writeError(outcome.stdout + outcome.stderr + "error: not compiled: fix the errors above\n")
            throw ExitCode(1)
        }
        let library = ReplyLibrary(repository: result.repository)
        let bundle = ReplyBundle.encode(library, generator: "replykit \(ReplyKitCommand.configuration.version)")
        // Written beside the target, then renamed over it: a reader never sees half a bundle.
        if let problem = FileContents.writeAtomically(Array(bundle.utf8), to: output) {
            Terminal.writeError("error: \(output): \(problem)\n")
            throw ExitCode(2)
        }
        print("compiled \(library.templateIDs.count) templates into \(output)")
    }
}
