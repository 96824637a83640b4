package import ReplyKitSupport

extension JSONValue {
    package var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    package var intValue: Int? { if case .int(let value) = self { value } else { nil } }
    package var arrayValue: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    package var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// The value at a path of object keys.
    package subscript(path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }
}

/// The params of a request, read with errors a client is told about.
package struct Params {
    package let value: JSONValue

    package init(_ value: JSONValue?) { self.value = value ?? .object([]) }

    package func string(_ path: String...) throws(RPCError) -> String {
        var current: JSONValue? = value
        for key in path { current = current?[key] }
        guard let text = current?.stringValue else {
            throw RPCError(.invalidParams, "`\(path.joined(separator: "."))` must be a string")
        }
        return text
    }

    package func position(_ key: String = "position") throws(RPCError) -> LSPPosition {
        guard let line = value[key, "line"]?.intValue, let character = value[key, "character"]?.intValue,
              line >= 0, character >= 0 else {
            throw RPCError(.invalidParams, "`\(key)` must have a non-negative `line` and `character`")
        }
        return LSPPosition(line: line, character: character)
    }

    package var uri: String {
        get throws(RPCError) { try string("textDocument", "uri") }
    }
}
