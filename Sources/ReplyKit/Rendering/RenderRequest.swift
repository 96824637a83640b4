import Foundation
package import ReplyKitSupport

/// One reply to render, as a batch line or a command line gives it.
public struct RenderRequest: Sendable {
    public var template: String
    public var locale: String?
    package var values: [String: ReplyValue]
    public var key: String?
    public var variant: Int?
    public var at: Date?

    public init(template: String, locale: String? = nil, values: [String: ReplyValue] = [:], key: String? = nil,
                variant: Int? = nil, at: Date? = nil) {
        self.template = template
        self.locale = locale
        self.values = values
        self.key = key
        self.variant = variant
        self.at = at
    }

    /// A batch line: `{"template": "acme-air/refund-delay", "locale": "es-MX", "values": {…}, "key": "…"}`.
    public init(jsonLine line: String) throws(RenderError) {
        let parsed: JSONValue
        do { parsed = try JSONValue.parse(line) } catch { throw RenderError(.invalidRequest, "the line is not JSON: \(error)") }
        guard case .object(let fields) = parsed else { throw RenderError(.invalidRequest, "the line is not a JSON object") }
        var template: String?
        var request = RenderRequest(template: "")
        for (name, value) in fields {
            switch (name, value) {
            case ("template", .string(let text)): template = text
            case ("locale", .string(let text)): request.locale = text
            case ("locale", .null), ("key", .null), ("at", .null), ("variant", .null): break
            case ("key", .string(let text)): request.key = text
            case ("key", .int(let number)): request.key = String(number)
            case ("variant", .int(let number)): request.variant = number
            case ("at", .string(let text)):
                guard let seconds = ISODate.parse(text) else { throw RenderError(.invalidRequest, "`at` is not an ISO 8601 date: `\(text)`") }
                request.at = Date(timeIntervalSince1970: seconds)
            case ("values", .object(let values)):
                request.values = try Self.values(values)
            default:
                throw RenderError(.invalidRequest, "unexpected field `\(name)` (or a value of the wrong type) in the request")
            }
        }
        guard let template else { throw RenderError(.invalidRequest, "the request has no `template`") }
        request.template = template
        self = request
    }

    /// JSON values to template values: strings and integers only.
    package static func values(_ fields: [(String, JSONValue)]) throws(RenderError) -> [String: ReplyValue] {
        var values: [String: ReplyValue] = [:]
        for (name, value) in fields {
            switch value {
            case .string(let text): values[name] = .text(text)
            case .int(let number): values[name] = .number(number)
            default:
                throw RenderError(.invalidValue, "the value of `\(name)` must be a string or an integer", variable: name)
            }
        }
        return values
    }
}

extension ReplyLibrary {
    public func render(_ request: RenderRequest) throws(RenderError) -> Reply {
        try render(request.template, locale: request.locale, values: request.values, key: request.key,
                   variant: request.variant, at: request.at ?? Date())
    }

    /// One line of `render --batch`: the reply's json, or the error's; never throws.
    package func renderBatchLine(_ line: String) -> (output: JSONValue, failed: Bool) {
        do {
            return (try render(RenderRequest(jsonLine: line)).json, false)
        } catch {
            return (error.json, true)
        }
    }
}
