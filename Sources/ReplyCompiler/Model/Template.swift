public import ReplyKit
package import ReplyKitSupport
/// One template of a locale pack: its text (or variants), DM handoff and metadata.
public struct Template: Sendable {
    public var id: Located<String>
    /// The campaign it belongs to, for a template under `campaigns:`.
    public var campaign: String?
    /// One text, or two or more variants; each with the source it was read from.
    public var variants: [TemplateText]
    /// Present when the template hands the conversation to DMs.
    public var dm: DMHandoff?
    public var description: String?
    public var tags: [String]
    public var followUp: Located<String>?
    /// Rule ids switched off for this template.
    public var disable: [Located<String>]
    /// The template's whole entry (its value node).
    public var range: SourceRange

    public init(id: Located<String>, campaign: String? = nil, range: SourceRange) {
        self.id = id
        self.campaign = campaign
        self.variants = []
        self.tags = []
        self.disable = []
        self.range = range
    }
}

/// The text of a template or variant, or a DM prefill, as read from YAML.
public struct TemplateText: Sendable, Hashable {
    /// The text after YAML's unescaping and folding.
    public var value: String
    /// The scalar node's range, quotes and block indicators included.
    public var range: SourceRange
    public var style: YAMLNode.ScalarStyle

    public init(value: String, range: SourceRange, style: YAMLNode.ScalarStyle) {
        self.value = value
        self.range = range
        self.style = style
    }
}

/// How a template hands off to DMs: the deep link is appended, with an optional prefill.
public struct DMHandoff: Sendable {
    /// The `dm` key's value.
    public var range: SourceRange
    /// Text pre-filled in the customer's DM box; may use variables.
    public var prefill: TemplateText?
    /// A welcome message id (digits only).
    public var welcomeMessageID: Located<String>?

    public init(range: SourceRange, prefill: TemplateText? = nil, welcomeMessageID: Located<String>? = nil) {
        self.range = range
        self.prefill = prefill
        self.welcomeMessageID = welcomeMessageID
    }
}
