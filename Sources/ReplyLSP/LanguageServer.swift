import Foundation
public import ReplyCompiler
internal import ReplyLint
internal import ReplyKitSupport

/// The language server: reads one JSON-RPC message at a time, answers requests, and pushes lint's
/// findings for open documents after every change.
///
/// Every message is handled in turn on one thread, so a `didChange` and the requests after it see
/// the same text. No message can stop it: a body that is not JSON-RPC is answered with an error, an
/// unknown method with `MethodNotFound`, a request about an unknown document with an empty result.
public final class LanguageServer {
    /// How the server runs.
    public struct Options: Sendable {
        /// The rules' documentation (each rule's link adds `#<rule id>`).
        public var rulesDocumentation = "https://github.com/replykit/replykit/blob/main/docs/rules.md"
        public var version = "0.0.0"
        /// The time campaign windows are checked against; nil for now.
        public var now: Date?
        public var limits: YAMLLimits = .default

        public init() {}
    }

    enum State { case uninitialized, running, shutDown }

    package let options: Options
    /// Writes one message body (the caller frames it).
    let send: ([UInt8]) -> Void
    /// Writes a line of the log (stderr).
    let log: (String) -> Void
    var state = State.uninitialized
    package internal(set) var workspace: RepositoryWorkspace?
    /// Open documents by path.
    package internal(set) var documents: [String: Document] = [:]
    var watchesFiles = false
    /// The JSON of each open document's last published diagnostics, by what each was made from.
    var publishedJSON: [String: [PublishedKey: [UInt8]]] = [:]
    var nextRequestID = 1
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?

    /// A server that hands each message body it sends to `send` (the caller frames it) and each
    /// line of its log to `log`.
    public init(options: Options = Options(), send: @escaping ([UInt8]) -> Void, log: @escaping (String) -> Void) {
        self.options = options
        self.send = send
        self.log = log
    }

    /// Handles one frame read from the client.
    package func handle(_ frame: MessageFramer.Frame) {
        switch frame {
        case .message(let body): handle(body)
        case .invalid(let reason):
            log("replykit lsp: ignored a frame: \(reason)")
            send(RPCOutgoing.error(id: .null, RPCError(.parseError, "ignored a frame: \(reason)")))
        }
    }

    /// Handles one message body (the bytes after its header).
    public func handle(_ body: [UInt8]) {
        switch RPCMessage.parse(body) {
        case .failure(let failure):
            send(RPCOutgoing.error(id: failure.id, failure.error))
        case .success(.response):
            break
        case .success(.notification(let method, let params)):
            notify(method, Params(params))
        case .success(.request(let id, let method, let params)):
            do {
                let result = try request(method, Params(params))
                send(RPCOutgoing.response(id: id, result: result))
            } catch {
                send(RPCOutgoing.error(id: id, error))
            }
        }
    }

    private func request(_ method: String, _ params: Params) throws(RPCError) -> JSONValue {
        if method == "initialize" {
            guard state == .uninitialized else { throw RPCError(.invalidRequest, "the server is already initialized") }
            return initialize(params)
        }
        switch state {
        case .uninitialized: throw RPCError(.serverNotInitialized, "send `initialize` first")
        case .shutDown: throw RPCError(.invalidRequest, "the server is shut down")
        case .running: break
        }
        idle()
        switch method {
        case "shutdown":
            state = .shutDown
            return .null
        case "textDocument/diagnostic": return try pullDiagnostics(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/inlayHint": return try inlayHints(params)
        default: throw RPCError(.methodNotFound, "unknown method `\(method)`")
        }
    }

    private func notify(_ method: String, _ params: Params) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        // Before `initialize` and after `shutdown`, notifications other than `exit` are dropped.
        guard state == .running else { return }
        do throws(RPCError) {
            switch method {
            case "initialized": initialized()
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didSave": try didSave(params)
            case "textDocument/didClose": try didClose(params)
            case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
            default: break
            }
        } catch {
            log("replykit lsp: \(method): \(error.message)")
        }
    }

    /// Sends a notification to the client.
    func notifyClient(_ method: String, _ params: JSONValue) {
        send(RPCOutgoing.notification(method, params))
    }
}
