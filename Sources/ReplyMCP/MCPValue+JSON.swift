package import Foundation
package import MCP
package import ReplyKitSupport

extension Value {
    /// A ReplyKit JSON value as an MCP value (objects keep their keys, not their order).
    package init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let values): self = .array(values.map { Value(json: $0) })
        case .object(let fields):
            var object: [String: Value] = [:]
            for (key, value) in fields where object[key] == nil { object[key] = Value(json: value) }
            self = .object(object)
        }
    }
}

extension JSONValue {
    /// An MCP value as ReplyKit JSON; nil for binary data, which no tool takes.
    package init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .data: return nil
        case .array(let values):
            var items: [JSONValue] = []
            for value in values {
                guard let item = JSONValue(value) else { return nil }
                items.append(item)
            }
            self = .array(items)
        case .object(let object):
            var fields: [(String, JSONValue)] = []
            for key in object.keys.sorted() {
                guard let value = object[key], let field = JSONValue(value) else { return nil }
                fields.append((key, field))
            }
            self = .object(fields)
        }
    }
}
