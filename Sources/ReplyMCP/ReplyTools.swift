package import Foundation
package import MCP
package import ReplyServer
internal import ReplyKit
internal import ReplyKitSupport

/// The MCP tools over a served library: `list_templates`, `render_reply`, `check_reply` and
/// `count_text`. They call what `POST /v1/render` and `POST /v1/check` call, so an agent drafting
/// through them can post only what the library renders or what the checks pass: a refusal is a
/// tool error naming the variable and the reason, never a reply.
package struct ReplyTools: Sendable {
    /// Past this many templates, `render_reply`'s schema lists the templates and the union of their
    /// variables, not one typed branch per template (which would make the tool list huge).
    static let maxTypedTemplates = 200

    package init() {}

    package func tools(_ served: ServedLibrary) -> [Tool] {
        [
            Tool(name: "list_templates", title: "List reply templates",
                 description: "The brands and reply templates this library renders: each template's variables (type, bounds, example), locales, worst-case length, DM hand-off and campaign state.",
                 inputSchema: Value(json: Self.object([("brand", .object([("type", .string("string")), ("description", .string("Only this brand's templates"))]))])),
                 annotations: .init(readOnlyHint: true)),
            Tool(name: "render_reply", title: "Render a reply",
                 description: "Renders the exact reply to post from a template and values. Refuses (as a tool error naming the variable and the reason) a value the template does not accept, an unknown template or locale, or a closed campaign.",
                 inputSchema: Value(json: renderSchema(served.catalogue)),
                 annotations: .init(readOnlyHint: true, idempotentHint: true)),
            Tool(name: "check_reply", title: "Check a finished reply",
                 description: "Checks a reply written by hand or by an agent for a brand: length, the DM deep link, URLs, mentions, invisible characters, NFC and copy safety. Findings at error level make it a tool error: do not post such a reply.",
                 inputSchema: Value(json: Self.object([
                     ("brand", .object([("type", .string("string")), ("enum", .array(served.checker.brandIDs.map(JSONValue.string)))])),
                     ("locale", .object([("type", .string("string")), ("description", .string("BCP 47 tag; default: the brand's default locale"))])),
                     ("text", .object([("type", .string("string")), ("description", .string("The reply as it would be posted"))])),
                 ], required: ["brand", "text"])),
                 annotations: .init(readOnlyHint: true, idempotentHint: true)),
            Tool(name: "count_text", title: "Count weighted characters",
                 description: "The weighted length X counts for a text (twitter-text v3) and whether it fits 280.",
                 inputSchema: Value(json: Self.object([("text", .object([("type", .string("string"))]))], required: ["text"])),
                 annotations: .init(readOnlyHint: true, idempotentHint: true)),
        ]
    }

    /// Runs a tool; an unknown tool or bad arguments are tool errors too.
    package func call(_ name: String, arguments: [String: Value]?, served: ServedLibrary) -> CallTool.Result {
        let arguments = arguments ?? [:]
        guard let json = JSONValue(.object(arguments)), case .object(let fields) = json else {
            return Self.refusal("invalid-request", "the arguments hold binary data; every argument is JSON text, numbers or objects", variable: nil)
        }
        switch name {
        case "list_templates":
            var brand: String?
            for (key, value) in fields {
                guard key == "brand", case .string(let id) = value else {
                    return Self.refusal("invalid-request", "list_templates takes only `brand`, a string", variable: nil)
                }
                brand = id
            }
            if let brand, served.catalogue.brand(brand) == nil {
                return Self.refusal("unknown-brand", "no brand `\(brand)` in the library", variable: nil)
            }
            let catalogue = served.catalogue.json(at: Date(), brand: brand)
            return CallTool.Result(content: [.text(catalogue.serialized())], structuredContent: Optional(Value(json: catalogue)), isError: false)
        case "render_reply":
            let answer = ReplyAPI.render(json.serialized(), served)
            guard answer.status == 200 else { return Self.refusal(answer.body) }
            let text = answer.body["text"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
            return CallTool.Result(content: [.text(text)], structuredContent: Optional(Value(json: answer.body)), isError: false)
        case "check_reply":
            let answer = ReplyAPI.check(json.serialized(), served)
            guard answer.status == 200 else { return Self.refusal(answer.body) }
            return Self.checkResult(answer.body)
        case "count_text":
            guard fields.count == 1, case .string(let text)? = json["text"] else {
                return Self.refusal("invalid-request", "count_text takes `text`, a string", variable: nil)
            }
            let count = ReplyAPI.count(text)
            return CallTool.Result(content: [.text(count.serialized())], structuredContent: Optional(Value(json: count)), isError: false)
        default:
            return Self.refusal("unknown-tool", "no tool `\(name)` (list_templates, render_reply, check_reply, count_text)", variable: nil)
        }
    }

    /// A check that ran: a tool error when it found an error, listing the findings either way.
    static func checkResult(_ body: JSONValue) -> CallTool.Result {
        let ok = body["ok"] == .bool(true)
        var lines: [String] = []
        if case .array(let diagnostics)? = body["diagnostics"] {
            for diagnostic in diagnostics {
                let severity = diagnostic["severity"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "error"
                let rule = diagnostic["rule"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
                let message = diagnostic["message"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
                lines.append("\(severity)[\(rule)]: \(message)")
            }
        }
        let summary = ok ? "passes the checks" : "refused: the reply does not pass the checks; do not post it"
        let structured: Value? = Value(json: body)
        return CallTool.Result(content: [.text(([summary] + lines).joined(separator: "\n"))],
                               structuredContent: structured, isError: !ok)
    }

    /// A refusal from an error body `{"error": {"code", "message", "variable"}}`.
    static func refusal(_ body: JSONValue) -> CallTool.Result {
        func string(_ key: String) -> String? {
            if case .string(let text)? = body["error"]?[key] { return text }
            return nil
        }
        return refusal(string("code") ?? "error", string("message") ?? "refused", variable: string("variable"))
    }

    static func refusal(_ code: String, _ message: String, variable: String?) -> CallTool.Result {
        let about = variable.map { "`\($0)`: " } ?? ""
        let body = JSONValue.object([("error", .object([
            ("code", .string(code)), ("message", .string(message)), ("variable", variable.map(JSONValue.string) ?? .null),
        ]))])
        return CallTool.Result(content: [.text("refused (\(code)): \(about)\(message)")], structuredContent: Optional(Value(json: body)), isError: true)
    }

    /// An object schema of `properties` that takes no others.
    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
        fields.append(("additionalProperties", .bool(false)))
        return .object(fields)
    }

    /// `render_reply`'s input: a `--batch` line. `values` has a typed property for every variable
    /// of the library's templates and, per template, exactly that template's variables.
    func renderSchema(_ catalogue: Catalogue) -> JSONValue {
        var union: [(String, JSONValue)] = []
        var unionIndex: [String: Int] = [:]
        var branches: [JSONValue] = []
        for template in catalogue.templates {
            guard let brand = catalogue.brand(template.brand) else { continue }
            var properties: [(String, JSONValue)] = []
            for name in template.variables {
                guard let variable = brand.variables.first(where: { $0.name == name }) else { continue }
                let schema = variable.valueSchema
                properties.append((name, schema))
                if let index = unionIndex[name] {
                    if union[index].1 != schema {
                        let existing = union[index].1
                        let options: [JSONValue] = if case .array(let list)? = existing["anyOf"] { list } else { [existing] }
                        if !options.contains(schema) { union[index].1 = .object([("anyOf", .array(options + [schema]))]) }
                    }
                } else {
                    unionIndex[name] = union.count
                    union.append((name, schema))
                }
            }
            branches.append(.object([
                ("if", .object([("properties", .object([("template", .object([("const", .string(template.id))]))]))])),
                ("then", .object([("properties", .object([("values", Self.object(properties))]))])),
            ]))
        }
        let locales = Set(catalogue.brands.flatMap(\.locales)).sorted()
        var schema = Self.object([
            ("template", .object([("type", .string("string")), ("description", .string("brand/template, as list_templates names it")),
                                  ("enum", .array(catalogue.templates.map { .string($0.id) }))])),
            ("locale", .object([("type", .string("string")), ("description", .string("BCP 47 tag (default: the brand's default locale); a parent or the brand's fallback is used when the template has no such pack")),
                                ("examples", .array(locales.map(JSONValue.string)))])),
            ("values", .object([("type", .string("object")), ("description", .string("The template's variables: a string or an integer each")),
                                ("properties", .object(union)), ("additionalProperties", .bool(false))])),
            ("key", .object([("type", .string("string")), ("description", .string("Picks the variant by a stable hash, e.g. the customer's tweet id"))])),
            ("variant", .object([("type", .string("integer")), ("minimum", .int(0)), ("description", .string("Picks the variant directly (0-based)"))])),
        ], required: ["template"])
        if branches.count <= Self.maxTypedTemplates, !branches.isEmpty, case .object(var fields) = schema {
            fields.append(("allOf", .array(branches)))
            schema = .object(fields)
        }
        return schema
    }
}
