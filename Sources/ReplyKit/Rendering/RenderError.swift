package import ReplyKitSupport
/// Why a reply could not be rendered: a code, a message naming the cause, and the variable at fault.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// No such `brand/template`.
        case unknownTemplate = "unknown-template"
        /// No pack for the locale, its parents, its language or the brand's fallback.
        case unknownLocale = "unknown-locale"
        /// A campaign template outside its approved window.
        case campaignClosed = "campaign-closed"
        /// A variable the template uses has no value.
        case missingValue = "missing-value"
        /// A value for a variable the template does not use.
        case unknownVariable = "unknown-variable"
        /// A value its variable refuses (the message says which rule of the value).
        case invalidValue = "invalid-value"
        /// Values that join the template's text into a URL, mention, hashtag or cashtag.
        case joinsEntity = "joins-entity"
        /// The reply would not fit the brand's limit.
        case overLimit = "over-limit"
        /// `--variant N` out of range.
        case invalidVariant = "invalid-variant"
        /// A batch line or value file that is not a valid request.
        case invalidRequest = "invalid-request"
        /// The template could not be compiled (lint reports why), or a check it needs cannot run.
        case templateInvalid = "template-invalid"
        /// The renderer broke one of its own invariants; the reply is withheld.
        case internalError = "internal-error"
    }

    public var code: Code
    public var message: String
    /// The variable the error is about, if one is.
    public var variable: String?

    public init(_ code: Code, _ message: String, variable: String? = nil) {
        self.code = code
        self.message = message
        self.variable = variable
    }

    public var description: String { message }
}
