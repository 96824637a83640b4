/// What an import changes in one template of a target pack: its variants' texts, its prefill, or
/// both (nil: left as it is).
struct TemplateChange: Sendable, Hashable {
    /// The template's index in the source pack, which orders new templates.
    var sourceIndex: Int
    var template: String
    var variants: [String]?
    var prefill: String?
}

/// Why an edit of a template could not be made: which of its units, and what is wrong.
struct EditRefusal: Sendable, Hashable {
    var template: String
    var prefill: Bool
    var message: String
    var help: String?
}
