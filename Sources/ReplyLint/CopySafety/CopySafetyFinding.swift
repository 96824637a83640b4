/// One ask or redirect found in a plain text: what the rule reports, without a file or template.
public struct CopySafetyFinding: Sendable, Hashable {
    public var rule: CopySafetyRule
    /// UTF-8 byte offsets into the text: from the asking word to the item (or the redirect).
    public var range: Range<Int>
    /// The item's or redirect's kind: `order-number`, `pin`, `redirect-phone`.
    public var category: String
    /// What was asked for (or where the customer is sent), as the text writes it.
    public var item: String
    /// Lowercase, no trailing period; says what the text does, not which template it is.
    public var message: String
    public var notes: [String]
    public var help: String?

    public init(rule: CopySafetyRule, range: Range<Int>, category: String, item: String, message: String,
                notes: [String] = [], help: String? = nil) {
        self.rule = rule
        self.range = range
        self.category = category
        self.item = item
        self.message = message
        self.notes = notes
        self.help = help
    }
}
