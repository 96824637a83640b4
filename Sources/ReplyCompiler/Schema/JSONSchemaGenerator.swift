package import ReplyKitSupport

/// Turns a ``SchemaDocument`` into JSON Schema draft 2020-12 text: keys in a fixed order, two spaces
/// a level, a line break at the end, so the committed files change only when a definition does.
package enum JSONSchemaGenerator {
    package static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as JSON text.
    package static func text(of document: SchemaDocument) -> String {
        var writer = JSONWriter(pretty: true)
        writer.value(json(of: document))
        writer.endLine()
        return writer.text
    }

    package static func json(of document: SchemaDocument) -> JSONValue {
        guard case .object(let root) = json(document.root) else { return json(document.root) }
        var pairs: [(String, JSONValue)] = [
            ("$schema", .string(dialect)),
            ("$id", .string(document.id)),
            ("title", .string(document.title)),
        ]
        pairs += root
        if !document.definitions.isEmpty {
            pairs.append(("$defs", .object(document.definitions.map { ($0.name, json($0.value)) })))
        }
        return .object(pairs)
    }

    static func json(_ value: ValueSchema) -> JSONValue {
        switch value {
        case .string(let pattern, let allowed, let minLength):
            var pairs: [(String, JSONValue)] = [("type", .string("string"))]
            if !allowed.isEmpty { pairs.append(("enum", .array(allowed.map(JSONValue.string)))) }
            if let minLength { pairs.append(("minLength", .int(minLength))) }
            if let pattern { pairs.append(("pattern", .string(pattern))) }
            return .object(pairs)
        case .digits(let maxCount):
            // Unquoted digits are an integer to YAML 1.2; the reader takes them as text either way.
            return .object([("type", .array([.string("string"), .string("integer")])), ("pattern", .string("^[0-9]{1,\(maxCount)}$")),
                            ("minimum", .int(0))])
        case .scalar:
            return .object([("type", .array(["string", "integer", "number", "boolean"].map(JSONValue.string)))])
        case .integer(let bound):
            return .object([("type", .string("integer")), ("minimum", .int(bound.range.lowerBound)),
                            ("maximum", .int(bound.range.upperBound))])
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .list(let item, let minItems):
            var pairs: [(String, JSONValue)] = [("type", .string("array")), ("items", json(item))]
            if minItems > 0 { pairs.append(("minItems", .int(minItems))) }
            return .object(pairs)
        case .mapping(let object):
            return json(object)
        case .map(let keys, let item):
            let names: JSONValue = switch keys {
            case .pattern(let pattern, let description): .object([("description", .string(description)), ("pattern", .string(pattern))])
            case .allowed(let names): .object([("enum", .array(names.map(JSONValue.string)))])
            }
            return .object([("type", .string("object")), ("propertyNames", names), ("additionalProperties", json(item))])
        case .anyOf(let shapes):
            return .object([("anyOf", .array(shapes.map(json)))])
        case .nullable(let inner):
            return nullable(json(inner))
        case .reference(let name):
            return .object([("$ref", .string("#/$defs/\(name)"))])
        }
    }

    /// A mapping: its known keys, those it requires, no others, and the keys each kind allows.
    static func json(_ object: ObjectSchema) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(object.description)), ("type", .string("object"))]
        let required = object.fields.filter(\.field.required).map(\.name)
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        pairs.append(("properties", .object(object.fields.map { ($0.name, json($0.field)) })))
        pairs.append(("additionalProperties", .bool(object.open)))
        if let cases = object.cases { pairs.append(("allOf", json(cases))) }
        return .object(pairs)
    }

    /// A field's shape with its description first, where an editor's hover finds it; the field's
    /// words replace those of the mapping it holds, and a number's bound says why it is that.
    static func json(_ field: FieldSchema) -> JSONValue {
        guard case .object(let pairs) = json(field.value) else { return json(field.value) }
        var description = field.description
        if case .integer(let bound) = field.value { description += " \(bound.text): \(bound.reason)." }
        let annotations: [(String, JSONValue)] = [("description", .string(description))]
            + (field.defaultValue.map { [("default", $0)] } ?? [])
        return .object(annotations + pairs.filter { $0.0 != "description" })
    }

    /// One `if`/`then` for each kind: the keys it needs, and the other kinds' keys forbidden.
    static func json(_ cases: DiscriminatedCases) -> JSONValue {
        let caseKeys = cases.caseKeys
        return .array(cases.cases.map { item in
            // The default kind's condition holds when the key is absent too.
            var condition: [(String, JSONValue)] = [("properties", .object([(cases.key, .object([("const", .string(item.value))]))]))]
            if item.value != cases.defaultValue { condition.append(("required", .array([.string(cases.key)]))) }
            var then: [(String, JSONValue)] = []
            if !item.required.isEmpty { then.append(("required", .array(item.required.map(JSONValue.string)))) }
            let forbidden = caseKeys.filter { !item.allowed.contains($0) }
            if !forbidden.isEmpty { then.append(("properties", .object(forbidden.map { ($0, .bool(false)) }))) }
            return .object([("if", .object(condition)), ("then", .object(then))])
        })
    }

    /// `schema` or nothing at all: the null type joins a single type, else the choice.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var pairs) = schema else { return schema }
        if let index = pairs.firstIndex(where: { $0.0 == "type" }), pairs.allSatisfy({ $0.0 != "enum" }) {
            switch pairs[index].1 {
            case .string(let type): pairs[index].1 = .array([.string(type), .string("null")])
            case .array(let types): pairs[index].1 = .array(types + [.string("null")])
            default: return .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))])
            }
            return .object(pairs)
        }
        return .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))])
    }
}
