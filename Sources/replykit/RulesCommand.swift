import ArgumentParser
import ReplyKit
import ReplyLint
import ReplyCompiler
import ReplyKitSupport

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules, or explain one with its examples."
    )

    @Argument(help: "A rule id to explain.")
    var id: String?

    func run() throws {
        let catalogue = RuleCatalogue.standard
        guard let id else {
            Terminal.write(catalogue.listing())
            return
        }
        guard let text = catalogue.explanation(of: id) else {
            let help = DidYouMeanHelp.text(id, catalogue.rules.map(\.id))
            throw ValidationError("unknown rule `\(id)`\(help)")
        }
        Terminal.write(text)
    }
}

enum DidYouMeanHelp {
    static func text(_ word: String, _ candidates: [String]) -> String {
        DidYouMean.help(for: word, among: candidates).map { "; \($0)" } ?? "; `replykit rules` lists them"
    }
}
