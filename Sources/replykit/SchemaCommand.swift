import ArgumentParser
import ReplyCompiler
import ReplyLint

extension FileSchemas.Kind: ExpressibleByArgument {}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of a kind of ReplyKit file.",
        discussion: "Point an editor's YAML language server at it: see docs/schemas.md."
    )

    @Argument(help: "brand (brand.yaml), pack (<locale>.yaml), locale (locales/<tag>.yaml) or config (replykit.yaml).")
    var kind: FileSchemas.Kind

    func run() throws {
        Terminal.write(FileSchemas.text(for: kind))
    }
}
