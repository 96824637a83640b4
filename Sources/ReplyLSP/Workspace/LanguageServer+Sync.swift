import Foundation
internal import ReplyCompiler
internal import ReplyKitSupport

extension LanguageServer {
    func initialize(_ params: Params) -> JSONValue {
        state = .running
        let rootURI = params.value["rootUri"]?.stringValue
            ?? params.value["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue
        let rootPath = rootURI.flatMap(FileURI.path) ?? params.value["rootPath"]?.stringValue
        if let rootPath, FileReader.kind(of: rootPath) == .directory {
            openWorkspace(at: rootPath)
        }
        watchesFiles = params.value["capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration"]?.boolValue == true
        let capabilities: JSONValue = .object([
            ("positionEncoding", .string("utf-16")),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))])),
            ])),
            ("hoverProvider", .bool(true)),
            ("completionProvider", .object([("triggerCharacters", .array(["{", ",", " ", ":"].map { .string($0) }))])),
            ("definitionProvider", .bool(true)),
            ("documentSymbolProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix"), .string(Self.fixAllKind)]))])),
            ("inlayHintProvider", .bool(true)),
            ("diagnosticProvider", .object([("interFileDependencies", .bool(true)), ("workspaceDiagnostics", .bool(false))])),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("replykit")), ("version", .string(options.version))])),
        ])
    }

    func initialized() {
        guard watchesFiles else { return }
        let watchers: JSONValue = .array(["**/*.yaml", "**/*.yml"].map { .object([("globPattern", .string($0))]) })
        send(RPCOutgoing.request(id: nextRequestID, "client/registerCapability", .object([("registrations", .array([
            .object([("id", .string("replykit-yaml")), ("method", .string("workspace/didChangeWatchedFiles")),
                     ("registerOptions", .object([("watchers", watchers)]))]),
        ]))])))
        nextRequestID += 1
    }

    /// Loads the repository at `root` and keeps it for the session.
    func openWorkspace(at root: String) {
        let started = Date()
        publishedJSON.removeAll()
        workspace = RepositoryWorkspace(root: root, limits: options.limits, now: options.now)
        if let workspace {
            log("replykit lsp: loaded \(workspace.repository.templateCount) templates from \(workspace.root) in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        }
    }

    /// The document's path and the workspace holding it, loading the repository around it if none is open.
    func workspacePath(_ uri: String) throws(RPCError) -> String {
        guard let path = FileURI.path(uri) else { throw RPCError(.invalidParams, "`\(uri.prefix(200))` is not a file: URI") }
        let absolute = PathText.absolute(path)
        if workspace == nil, let root = RepositoryWorkspace.root(containing: absolute) { openWorkspace(at: root) }
        return absolute
    }

    func didOpen(_ params: Params) throws(RPCError) {
        let uri = try params.uri
        let text = try params.string("textDocument", "text")
        let path = try workspacePath(uri)
        let document = Document(uri: uri, path: path, version: params.value["textDocument", "version"]?.intValue,
                                text: Array(text.utf8))
        documents[path] = document
        if let workspace, workspace.contains(path), workspace.source(path)?.bytes != document.bytes {
            recheck(path, text: document.bytes)
        } else {
            publish([path])
        }
    }

    func didChange(_ params: Params) throws(RPCError) {
        let path = try workspacePath(try params.uri)
        guard var document = documents[path] else { throw RPCError(.invalidParams, "`didChange` for a document that is not open") }
        guard let changes = params.value["contentChanges"]?.arrayValue else {
            throw RPCError(.invalidParams, "`contentChanges` must be an array")
        }
        try document.apply(changes)
        document.version = params.value["textDocument", "version"]?.intValue ?? document.version
        documents[path] = document
        recheck(path, text: document.bytes)
    }

    func didSave(_ params: Params) throws(RPCError) {
        let path = try workspacePath(try params.uri)
        guard var document = documents[path], let text = params.value["text"]?.stringValue else { return }
        document = Document(uri: document.uri, path: path, version: document.version, text: Array(text.utf8))
        documents[path] = document
        recheck(path, text: document.bytes)
    }

    func didClose(_ params: Params) throws(RPCError) {
        let path = try workspacePath(try params.uri)
        guard let document = documents.removeValue(forKey: path) else { return }
        publishedJSON[path] = nil
        notifyClient("textDocument/publishDiagnostics", .object([("uri", .string(document.uri)), ("diagnostics", .array([]))]))
        guard let workspace, workspace.contains(path) else { return }
        // The file on disk is what counts again.
        recheck(path, text: nil)
    }

    func didChangeWatchedFiles(_ params: Params) throws(RPCError) {
        guard let changes = params.value["changes"]?.arrayValue else { throw RPCError(.invalidParams, "`changes` must be an array") }
        guard workspace != nil else { return }
        // Files may have come and gone: nothing published before is known to hold.
        publishedJSON.removeAll()
        var checked: Set<String> = []
        var addedOrRemoved: [String] = []
        for change in changes {
            guard let uri = change["uri"]?.stringValue, let path = FileURI.path(uri).map(PathText.absolute) else { continue }
            // An open document's buffer is what the editor shows: the file on disk does not replace it.
            if documents[path] != nil { continue }
            if change["type"]?.intValue == 2 {
                checked.formUnion(workspace!.update(path, text: nil))
            } else {
                addedOrRemoved.append(path)
            }
        }
        if !addedOrRemoved.isEmpty { checked.formUnion(workspace!.filesAddedOrRemoved(addedOrRemoved)) }
        publish(checked)
    }

    /// Reads `path` from `text` (nil: from disk), re-checks what depends on it, and publishes the
    /// findings of the open documents among the files checked again.
    func recheck(_ path: String, text: [UInt8]?) {
        // Other files' findings may point into this one (a translation's source template).
        publishedJSON = publishedJSON.filter { $0.key == path }
        guard workspace != nil else { return publish([path]) }
        let checked = workspace!.update(path, text: text)
        publish(checked.union([path]))
    }

    /// Does what edits left for later (brand.yaml after a translation changed) and publishes it:
    /// called when no message waits, and before each request, so that answers see every finding.
    public func idle() {
        guard workspace?.hasDeferred == true else { return }
        publish(workspace!.finishDeferred())
    }

    /// Pushes the findings of the open documents among `paths`.
    func publish(_ paths: Set<String>) {
        for path in paths.sorted() {
            guard let document = documents[path] else { continue }
            var writer = JSONWriter(pretty: false)
            writer.beginObject()
            writer.key(plain: "jsonrpc")
            writer.string("2.0")
            writer.key(plain: "method")
            writer.string("textDocument/publishDiagnostics")
            writer.key(plain: "params")
            writer.beginObject()
            writer.key(plain: "uri")
            writer.string(document.uri)
            if let version = document.version {
                writer.key(plain: "version")
                writer.int(version)
            }
            writer.key(plain: "diagnostics")
            writer.beginArray()
            for diagnostic in diagnosticsSerialized(path) { writer.serialized(diagnostic) }
            writer.endArray()
            writer.endObject()
            writer.endObject()
            send(writer.bytes)
        }
    }

    /// What a published diagnostic's JSON is made from: the finding without its byte offsets, which
    /// shift after every edit before it, and its LSP range, which does not unless lines do.
    struct PublishedKey: Hashable {
        var diagnostic: Diagnostic
        var range: LSPRange?
        var fixable: Bool

        init(_ diagnostic: Diagnostic, lines: LineTable) {
            range = diagnostic.range.map(lines.range)
            fixable = diagnostic.isFixable
            self.diagnostic = diagnostic
            self.diagnostic.range = nil
            self.diagnostic.fix = nil
        }

        /// What tells a pack's findings apart, and is quick to hash: a message quotes the copy, and
        /// hashing text that is not ASCII normalises it first. Equality still compares every field.
        func hash(into hasher: inout Hasher) {
            hasher.combine(diagnostic.rule)
            hasher.combine(diagnostic.template)
            hasher.combine(range)
            hasher.combine(diagnostic.message.utf8.count)
        }
    }

    /// ``diagnosticsJSON(_:)`` serialised, each diagnostic's bytes reused from the last publication
    /// of `path` when nothing it is made from changed: an edit changes the findings of a template
    /// or two, and a pack has a thousand.
    func diagnosticsSerialized(_ path: String) -> [[UInt8]] {
        guard let (found, lines, presenter) = presentable(path) else {
            publishedJSON[path] = nil
            return []
        }
        let last = publishedJSON[path] ?? [:]
        var next = [PublishedKey: [UInt8]](minimumCapacity: found.count)
        let serialized = found.map { diagnostic in
            let key = PublishedKey(diagnostic, lines: lines)
            if let bytes = last[key] ?? next[key] {
                next[key] = bytes
                return bytes
            }
            var writer = JSONWriter(pretty: false)
            writer.value(presenter.json(diagnostic, lines: lines))
            next[key] = writer.bytes
            return writer.bytes
        }
        publishedJSON[path] = next
        return serialized
    }

    /// Lint's findings for `path` as LSP diagnostics, positioned in the text they were found in.
    func diagnosticsJSON(_ path: String) -> [JSONValue] {
        guard let (found, lines, presenter) = presentable(path) else { return [] }
        return found.map { presenter.json($0, lines: lines) }
    }

    /// Lint's findings for `path`, the lines of the text they were found in and a presenter; nil
    /// when there are none.
    private func presentable(_ path: String) -> (found: [Diagnostic], lines: LineTable, presenter: DiagnosticPresenter)? {
        guard let workspace, workspace.contains(path) else { return nil }
        let found = workspace.diagnostics(of: path)
        guard !found.isEmpty else { return nil }
        return (found, LineTable(workspace.source(path)?.bytes ?? documents[path]?.bytes ?? []), presenter(workspace))
    }

    func pullDiagnostics(_ params: Params) throws(RPCError) -> JSONValue {
        let path = try workspacePath(try params.uri)
        return .object([("kind", .string("full")), ("items", .array(diagnosticsJSON(path)))])
    }

    func presenter(_ workspace: RepositoryWorkspace) -> DiagnosticPresenter {
        // Each pack's template keys by id, made the first time a note points into the pack.
        final class Keys { var byPack: [String: [String: SourceRange]] = [:] }
        let keys = Keys()
        return DiagnosticPresenter(rulesDocumentation: options.rulesDocumentation, source: { workspace.source($0) },
                                   templateKey: { path, id in
            if keys.byPack[path] == nil {
                var byID: [String: SourceRange] = [:]
                for template in workspace.pack(at: path)?.pack.templates ?? [] where byID[template.id.value] == nil {
                    byID[template.id.value] = template.id.range
                }
                keys.byPack[path] = byID
            }
            return keys.byPack[path]?[id]
        })
    }
}
