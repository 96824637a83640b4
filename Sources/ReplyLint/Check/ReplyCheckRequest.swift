import ReplyKitSupport

/// One reply to check, as a `check --jsonl` line or a `POST /v1/check` body gives it: a JSON
/// string (the brand and locale given beside it), or `{"brand", "locale", "text"}` whose `brand`
/// and `locale` fall back to those given beside it.
package struct ReplyCheckRequest: Sendable, Hashable {
    package var text: String
    package var brand: String
    package var locale: String?

    package init(text: String, brand: String, locale: String?) {
        self.text = text
        self.brand = brand
        self.locale = locale
    }

    package init(jsonLine line: String, brand: String? = nil, locale: String? = nil) throws(ReplyCheckError) {
        let value: JSONValue
        do { value = try JSONValue.parse(line) } catch {
            throw ReplyCheckError(.invalidLine, "the line is not JSON: \(error)")
        }
        switch value {
        case .string(let text):
            guard let brand else { throw ReplyCheckError(.invalidLine, "the line names no brand, and --brand is not given") }
            self.init(text: text, brand: brand, locale: locale)
        case .object(let fields):
            var text: String?
            var lineBrand = brand, lineLocale = locale
            for (key, field) in fields {
                switch (key, field) {
                case ("text", .string(let value)): text = value
                case ("brand", .string(let value)): lineBrand = value
                case ("locale", .string(let value)): lineLocale = value
                case ("locale", .null): break
                case ("text", _), ("brand", _), ("locale", _):
                    throw ReplyCheckError(.invalidLine, "`\(key)` is not a string")
                default:
                    throw ReplyCheckError(.invalidLine, "unknown field `\(key)` (a line has `brand`, `locale` and `text`)")
                }
            }
            guard let text else { throw ReplyCheckError(.invalidLine, "the line has no `text`") }
            guard let lineBrand else { throw ReplyCheckError(.invalidLine, "the line names no brand, and --brand is not given") }
            self.init(text: text, brand: lineBrand, locale: lineLocale)
        default:
            throw ReplyCheckError(.invalidLine, "the line is neither a JSON string nor an object")
        }
    }
}

extension ReplyCheckError {
    /// `{"error": {"code", "message"}}` (with `line` when given): a check that could not run.
    package func json(line: Int? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("code", .string(code.rawValue))]
        if let line { fields.append(("line", .int(line))) }
        fields.append(("message", .string(message)))
        return .object([("error", .object(fields))])
    }
}
