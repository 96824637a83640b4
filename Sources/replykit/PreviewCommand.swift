import ArgumentParser
import Foundation
import ReplyPreview

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Writes a static site that shows every template as X shows the reply.",
        discussion: "Exit 1 when the packs have lint errors (the site is still written, with them shown), 2 when it cannot be written."
    )

    @Argument(help: "A repository, templates folder or brand folder (default: .).")
    var path: String = "."

    @Option(name: .long, help: "The folder to write the site to.")
    var output: String

    @Option(name: .long, help: "Configuration file instead of the discovered replykit.yaml.")
    var config: String?

    @Flag(name: .long, help: "Keep running, and rewrite the pages that change when a pack changes.")
    var watch = false

    func run() throws {
        var options = PreviewBuild.Options(output: output)
        options.path = path
        options.configurationPath = config
        let build = PreviewBuild(options: options)
        guard watch else {
            let outcome = build.run()
            report(outcome)
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
            return
        }
        PreviewWatcher(build: build).run(report: report)
    }

    private func report(_ outcome: PreviewBuild.Outcome) {
        if outcome.exitCode == 2 {
            Terminal.writeError(outcome.message + "\n")
        } else {
            Terminal.write(outcome.message + "\n")
        }
    }
}
