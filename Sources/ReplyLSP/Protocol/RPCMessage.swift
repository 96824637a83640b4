package import ReplyKitSupport

/// One JSON-RPC 2.0 message from the client.
package enum RPCMessage: Sendable, Equatable {
    case request(id: JSONValue, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// An answer to a request the server sent (`client/registerCapability`).
    case response(id: JSONValue)

    /// Reads a message body; a body that is not a JSON-RPC message is an ``RPCError`` to answer
    /// (with the id, when one could be read).
    package static func parse(_ body: [UInt8]) -> Result<RPCMessage, RPCFailure> {
        var scanner = JSONScanner(body)
        let value: JSONValue
        do throws(JSONValue.ParseError) {
            value = try scanner.value(depth: 0)
            scanner.skipSpace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON value") }
        } catch {
            return .failure(RPCFailure(id: .null, error: RPCError(.parseError, "the message is not JSON: \(error.message)")))
        }
        guard case .object = value else {
            return .failure(RPCFailure(id: .null, error: RPCError(.invalidRequest, "a message must be a JSON object")))
        }
        let id = value["id"]
        if let id {
            switch id {
            case .int, .string, .null: break
            default: return .failure(RPCFailure(id: .null, error: RPCError(.invalidRequest, "`id` must be a number or a string")))
            }
        }
        guard let methodValue = value["method"] else {
            if let id, value["result"] != nil || value["error"] != nil { return .success(.response(id: id)) }
            return .failure(RPCFailure(id: id ?? .null, error: RPCError(.invalidRequest, "a request needs a `method`")))
        }
        guard case .string(let method) = methodValue else {
            return .failure(RPCFailure(id: id ?? .null, error: RPCError(.invalidRequest, "`method` must be a string")))
        }
        // Some clients send `"params": null` for `shutdown` and `exit`: the same as none.
        let params = value["params"] == .null ? nil : value["params"]
        if let params {
            switch params {
            case .object, .array: break
            default: return .failure(RPCFailure(id: id ?? .null, error: RPCError(.invalidRequest, "`params` must be an object or an array")))
            }
        }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        return .success(.notification(method: method, params: params))
    }
}

/// A message that is not a JSON-RPC message, with the error to answer it with.
package struct RPCFailure: Error, Sendable {
    package var id: JSONValue
    package var error: RPCError
}

/// A JSON-RPC error answer.
package struct RPCError: Error, Sendable, Equatable {
    package enum Code: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// The JSON of the messages the server sends.
package enum RPCOutgoing {
    package static func response(id: JSONValue, result: JSONValue) -> [UInt8] {
        body(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
    }

    package static func error(id: JSONValue, _ error: RPCError) -> [UInt8] {
        body(.object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object([
            ("code", .int(error.code.rawValue)), ("message", .string(error.message)),
        ]))]))
    }

    package static func notification(_ method: String, _ params: JSONValue) -> [UInt8] {
        body(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    package static func request(id: Int, _ method: String, _ params: JSONValue) -> [UInt8] {
        body(.object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", params)]))
    }

    private static func body(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.value(value)
        return writer.bytes
    }
}
