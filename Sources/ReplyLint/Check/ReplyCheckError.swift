/// Why ``ReplyChecker`` could not check a reply: the check did not run, so nothing passed.
public struct ReplyCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The templates (packs or bundle) could not be loaded, or hold errors the check depends on.
        case invalidTemplates = "invalid-templates"
        case unknownBrand = "unknown-brand"
        /// The locale is not a tag, none was given and the brand has no default, or no locale data
        /// covers it (the copy-safety rules would find nothing).
        case unknownLocale = "unknown-locale"
        /// A `--jsonl` line that is not a JSON string or a `{"brand", "locale", "text"}` object.
        case invalidLine = "invalid-line"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
