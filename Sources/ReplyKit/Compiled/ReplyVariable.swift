package import ReplyKitSupport
/// A variable a brand's templates may use, and the values it accepts (pack-format.md, "variables").
public struct ReplyVariable: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Text whose weighted length is at most `maxLength`.
        case text(TextRules)
        /// An integer in `min...max`.
        case number(min: Int, max: Int)
        /// One of a fixed list of strings.
        case choice([String])
    }

    /// Entities a text value may contain.
    public enum Entity: String, Sendable, Hashable, CaseIterable {
        case mention, hashtag, cashtag, url
    }

    public struct TextRules: Sendable, Hashable {
        /// The largest weighted length (twitter-text v3) a value may have.
        public var maxLength: Int
        /// A regular expression the whole value must match (see ``ValuePattern``).
        public var pattern: String?
        public var allow: Set<Entity>
        public var multiline: Bool

        public init(maxLength: Int, pattern: String? = nil, allow: Set<Entity> = [], multiline: Bool = false) {
            self.maxLength = maxLength
            self.pattern = pattern
            self.allow = allow
            self.multiline = multiline
        }
    }

    public var name: String
    public var kind: Kind
    /// A sample value (`render --examples`, previews).
    public var example: String?
    public var description: String?

    public init(name: String, kind: Kind, example: String? = nil, description: String? = nil) {
        self.name = name
        self.kind = kind
        self.example = example
        self.description = description
    }

    /// `text`, `number` or `choice`.
    public var typeName: String {
        switch kind {
        case .text: "text"
        case .number: "number"
        case .choice: "choice"
        }
    }
}
