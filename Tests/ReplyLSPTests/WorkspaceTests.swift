import Foundation
@testable import ReplyLSP
import ReplyCompiler
import ReplyLint
import ReplyKitSupport
import Testing

/// An edit of one file of the test repository: the first `find` becomes `replace`.
struct Edit: Sendable, CustomTestStringConvertible {
    var file: String
    var find: String
    var replace: String
    var testDescription: String
    /// More edits of the same file after the first, each checked in turn.
    var then: [(find: String, replace: String)] = []

    static let all: [Edit] = [
        Edit(file: "acme-air/es-MX.yaml", find: "  refund-check:\n    text: Hola {first_name}, ¿ya recibiste tu reembolso?\n",
             replace: "", testDescription: "a translation loses a template"),
        Edit(file: "acme-air/es-MX.yaml", find: "Hola {first_name}", replace: "Hola {nombre}",
             testDescription: "a translation uses an undeclared variable"),
        Edit(file: "acme-air/es-MX.yaml", find: "Hola {first_name},", replace: "Hola  {first_name},",
             testDescription: "a translation gets a fixable double space"),
        Edit(file: "acme-air/es-MX.yaml", find: "locale: es-MX", replace: "locale: [es-MX",
             testDescription: "a translation is not YAML"),
        Edit(file: "acme-air/en-US.yaml", find: "\n  refund-check:\n", replace: "\n  refund-recheck:\n",
             testDescription: "the default locale renames a template"),
        Edit(file: "acme-air/brand.yaml", find: "  flight:\n    max_length: 7\n", replace: "  flight_number:\n    max_length: 7\n",
             testDescription: "brand.yaml renames a variable"),
        Edit(file: "acme-air/brand.yaml", find: "variables:\n", replace: "variables:\n  seat:\n    max_length: 4\n    example: 12A\n",
             testDescription: "brand.yaml declares an unused variable"),
        Edit(file: "acme-air/brand.yaml", find: "default_locale: en-US", replace: "default_locale: es-MX",
             testDescription: "brand.yaml changes the default locale"),
        Edit(file: "broken-acme-air/es-MX.yaml", find: "Tab\there", replace: "Tab here",
             testDescription: "a broken pack is mended"),
        Edit(file: "acme-air/es-MX.yaml", find: "Te esperamos por mensaje privado", replace: "Te  esperamos POR MENSAJE PRIVADO!!!",
             testDescription: "edits above and below templates with findings move them",
             then: [("Hola {first_name}, ¿ya", "Hola {first_name},\n      ¿ya de  verdad"),
                    ("    follow_up: refund-check\n", "    follow_up: refund-check\n    description: más\n    tags: [a, b]\n"),
                    ("la tormenta retrasó", "la  tormenta retrasó"),
                    ("Con gusto te ayudamos", "Con  gusto te  ayudamos"),
                    ("Con  gusto te  ayudamos", "Con gusto te ayudamos"),
                    ("la  tormenta retrasó", "la tormenta retrasó")]),
        Edit(file: "acme-air/en-US.yaml", find: "Still there, {first_name}?", replace: "STILL THERE,  {first_name}??",
             testDescription: "edits of the default locale move findings below them",
             then: [("Sorry for the wait", "Sorry  for the wait, really"), ("refund-check:\n    text: Hi", "refund-check:\n    text: Hi  there")]),
    ]
}

@Suite struct WorkspaceTests {
    /// Lint's findings for the repository at `root` as on disk, by file.
    func lintOnDisk(_ root: String) throws -> [String: [Diagnostic]] {
        var options = LintRun.Options()
        options.paths = [root]
        let result = try #require(LintRun(options: options).run().result)
        return Dictionary(grouping: result.diagnostics) { $0.file ?? "" }
    }

    func expectSameAsLint(_ workspace: RepositoryWorkspace, root: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try lintOnDisk(root)
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
        for file in Set(expected.keys).union(workspace.files) {
            let actual = workspace.diagnostics(of: file)
            let wanted = expected[file] ?? []
            #expect(actual == wanted, "\(file): \(actual.map { "\($0.rule) \($0.message)" }) vs lint's \(wanted.map { "\($0.rule) \($0.message)" })",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Edit.all)
    func findingsAfterAnEditAreExactlyLints(edit: Edit) throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var workspace = RepositoryWorkspace(root: root)
        try expectSameAsLint(workspace, root: root)
        let path = root + "/templates/" + edit.file
        let original = LSPTestSupport.read(path)
        let range = try #require(original.range(of: edit.find))
        let edited = original.replacingCharacters(in: range, with: edit.replace)
        // Unsaved: the buffer is read in place of the file. The edited file's findings are lint's
        // at once; every file's once what waits for an idle moment is done.
        workspace.update(path, text: Array(edited.utf8))
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(workspace.diagnostics(of: path) == (try lintOnDisk(root))[path] ?? [])
        workspace.finishDeferred()
        try expectSameAsLint(workspace, root: root)
        var current = edited
        for step in edit.then {
            let range = try #require(current.range(of: step.find), "no `\(step.find)`")
            current = current.replacingCharacters(in: range, with: step.replace)
            workspace.update(path, text: Array(current.utf8))
            try Data(current.utf8).write(to: URL(fileURLWithPath: path))
            #expect(workspace.diagnostics(of: path) == (try lintOnDisk(root))[path] ?? [], "after `\(step.replace)`")
            workspace.finishDeferred()
            try expectSameAsLint(workspace, root: root)
        }
        // Closed without saving: the file on disk again.
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        workspace.update(path, text: nil)
        workspace.finishDeferred()
        try expectSameAsLint(workspace, root: root)
    }

    /// After an edit of a pack, the texts it left as they were keep their parses and bounds: the
    /// analyses must be what analysing the edited pack afresh makes, each text placed in the new file.
    @Test(arguments: Edit.all.filter { !$0.file.hasSuffix("brand.yaml") })
    func analysesAfterAnEditAreAFreshAnalysis(edit: Edit) throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var workspace = RepositoryWorkspace(root: root)
        let path = root + "/templates/" + edit.file
        var current = LSPTestSupport.read(path)
        for (find, replace) in [(edit.find, edit.replace)] + edit.then {
            let range = try #require(current.range(of: find), "no `\(find)`")
            current = current.replacingCharacters(in: range, with: replace)
            workspace.update(path, text: Array(current.utf8))
            let reused = workspace.analyses(ofPack: path)
            guard let (folder, pack) = workspace.pack(at: path), let brand = folder.brand, let file = workspace.source(path) else {
                #expect(reused.isEmpty)
                continue
            }
            let fresh = TemplateAnalysis.analyses(of: pack, brand: brand, file: file)
            #expect(reused.count == fresh.count)
            for (old, new) in zip(reused, fresh) {
                #expect(old.template.id.value == new.template.id.value)
                let texts = zip(old.variants + (old.prefill.map { [$0] } ?? []), new.variants + (new.prefill.map { [$0] } ?? []))
                for (a, b) in texts {
                    #expect(a.text == b.text && a.message == b.message && a.syntaxError == b.syntaxError && a.bound == b.bound,
                            "\(new.template.id.value): `\(b.text.value)` after `\(replace)`")
                    let end = b.text.value.utf8.count
                    #expect(a.map.range(0..<end) == b.map.range(0..<end), "\(new.template.id.value) after `\(replace)`")
                }
            }
        }
    }

    @Test func anEditRechecksWhatDependsOnItAndNothingElse() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var workspace = RepositoryWorkspace(root: root)
        let brand = root + "/templates/acme-air"
        let packs = ["en-US", "es-MX", "fr-FR", "ja-JP", "ar"].map { "\(brand)/\($0).yaml" }
        let allOfBrand = Set(packs + [brand + "/brand.yaml", brand])
        let translation = brand + "/es-MX.yaml"
        let edited = LSPTestSupport.read(translation).replacingOccurrences(of: "Hola", with: "Hola,")
        #expect(workspace.update(translation, text: Array(edited.utf8)) == [translation])
        #expect(workspace.hasDeferred)
        #expect(workspace.finishDeferred() == [brand + "/brand.yaml", brand])
        #expect(!workspace.hasDeferred)
        // The default locale's pack at once; the brand's other files, which compare with it, when idle.
        let source = brand + "/en-US.yaml"
        #expect(workspace.update(source, text: Array((LSPTestSupport.read(source) + "\n").utf8)) == [source])
        #expect(workspace.finishDeferred() == allOfBrand.subtracting([source]))
        let brandFile = brand + "/brand.yaml"
        #expect(workspace.update(brandFile, text: Array((LSPTestSupport.read(brandFile) + "\n").utf8)) == allOfBrand)
        // A file outside every brand folder changes nothing.
        #expect(workspace.update(root + "/notes.yaml", text: Array("a: 1".utf8)).isEmpty)
    }

    /// The copy-safety grammars the workspace keeps from one edit to the next are built again when
    /// the repository's locale data changes: a brand's own term counts in the next findings.
    @Test func aRepositorysOwnTermCountsOnceItsLocaleDataChanges() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var workspace = RepositoryWorkspace(root: root)
        let pack = root + "/templates/acme-air/en-US.yaml"
        let asked = LSPTestSupport.read(pack).replacingOccurrences(
            of: "  refund-check:\n", with: "  rewards:\n    text: What's your Acme Skypass, {first_name}?\n  refund-check:\n")
        try asked.write(toFile: pack, atomically: true, encoding: .utf8)
        workspace.update(pack, text: Array(asked.utf8))
        workspace.finishDeferred()
        func asks() -> [Diagnostic] {
            workspace.diagnostics(of: pack).filter { $0.rule == "private-info-in-public" && $0.template == "rewards" }
        }
        #expect(asks().isEmpty)
        let locales = root + "/locales"
        try FileManager.default.createDirectory(atPath: locales, withIntermediateDirectories: true)
        let data = "locale: en\ncopy_safety:\n  private:\n    loyalty-number: [Acme Skypass]\n"
        try data.write(toFile: locales + "/en.yaml", atomically: true, encoding: .utf8)
        workspace.update(locales + "/en.yaml", text: Array(data.utf8))
        #expect(asks().count == 1)
        try expectSameAsLint(workspace, root: root)
    }

    @Test func theServerPublishesTheOpenDocumentsAnEditRechecked() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        let brand = root + "/templates/acme-air"
        let open = ["en-US", "es-MX", "ja-JP", "brand"].map { "\(brand)/\($0).yaml" } + [root + "/templates/globex-mobile/en-US.yaml"]
        for path in open { _ = harness.open(path) }
        func change(_ path: String, _ text: String) -> Set<String> {
            ServerHarness.published(harness.notify("textDocument/didChange", .object([
                ("textDocument", .object([("uri", .string(FileURI.uri(path))), ("version", .int(2))])),
                ("contentChanges", .array([.object([("text", .string(text))])])),
            ])))
        }
        let translation = brand + "/es-MX.yaml"
        #expect(change(translation, LSPTestSupport.read(translation) + "\n") == [translation])
        // brand.yaml (whose unused variables read every pack) follows when the server is idle.
        harness.server.idle()
        #expect(ServerHarness.published(harness.take()) == [brand + "/brand.yaml"])
        // The default locale's pack at once; the open files that compare with it when idle.
        let source = brand + "/en-US.yaml"
        #expect(change(source, LSPTestSupport.read(source) + "\n") == [source])
        harness.server.idle()
        #expect(ServerHarness.published(harness.take()) == Set(open.dropLast()).subtracting([source]))
    }

    @Test func filesChangedOnDiskAreReadAgainUnlessOpen() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        harness.initialize(root: root)
        let translation = root + "/templates/acme-air/es-MX.yaml"
        let brandFile = root + "/templates/acme-air/brand.yaml"
        _ = harness.open(translation)
        // brand.yaml loses `flight` on disk: the open translation that uses it is told.
        let brandText = LSPTestSupport.read(brandFile).replacingOccurrences(of: "  flight:\n", with: "  flight_no:\n")
        try Data(brandText.utf8).write(to: URL(fileURLWithPath: brandFile))
        let sent = harness.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([
            .object([("uri", .string(FileURI.uri(brandFile))), ("type", .int(2))]),
        ]))]))
        let diagnostics = sent.first { $0["params", "uri"]?.stringValue == FileURI.uri(translation) }?["params", "diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.contains { $0["code"]?.stringValue == "undeclared-variable" })
        // A new pack appears on disk: it is read, and the brand's locale list is checked against it.
        let added = root + "/templates/acme-air/de-DE.yaml"
        try Data("locale: de-DE\ntemplates:\n  refund-check:\n    text: Hallo {first_name}\n".utf8).write(to: URL(fileURLWithPath: added))
        _ = harness.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([
            .object([("uri", .string(FileURI.uri(added))), ("type", .int(1))]),
        ]))]))
        let pulled = harness.request("textDocument/diagnostic", .object([("textDocument", ServerHarness.document(added))]))
        #expect(pulled["result", "items"]?.arrayValue?.contains { $0["code"]?.stringValue == "missing-translation" } == true)
    }

    @Test func withoutAWorkspaceFolderTheRepositoryAroundTheFirstFileIsChecked() throws {
        let root = try LSPTestSupport.repositoryCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = ServerHarness()
        _ = harness.request("initialize", .object([("capabilities", .object([]))]))
        _ = harness.notify("initialized", .object([]))
        let path = root + "/templates/broken-acme-air/es-MX.yaml"
        let sent = harness.open(path)
        let codes = sent.first { $0["params", "uri"]?.stringValue == FileURI.uri(path) }?["params", "diagnostics"]?
            .arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        var options = LintRun.Options()
        options.paths = [root]
        let expected = try #require(LintRun(options: options).run().result).diagnostics.filter { $0.file == path }.map(\.rule)
        #expect(!codes.isEmpty)
        #expect(codes == expected)
        #expect(harness.server.workspace?.root == PathText.absolute(root))
    }
}
