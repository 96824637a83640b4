/// A variable a brand's templates may use, with the values it accepts.
public struct Variable: Sendable {
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
        /// A regular expression the whole value must match.
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

    public var name: Located<String>
    public var kind: Kind
    public var example: Located<String>?
    public var description: String?
    /// The whole declaration (the value node under `variables`).
    public var range: SourceRange

    public init(name: Located<String>, kind: Kind, example: Located<String>? = nil, description: String? = nil,
                range: SourceRange) {
        self.name = name
        self.kind = kind
        self.example = example
        self.description = description
        self.range = range
    }

    public var typeName: String {
        switch kind {
        case .text: "text"
        case .number: "number"
        case .choice: "choice"
        }
    }
}

extension Array where Element == Variable {
    /// The variable called `name`, the first if several are; for code that holds a brand's
    /// variables without the brand (``Brand/variable(named:)``).
    // Always inlined: lint calls it for every argument of every text, and left as a call from
    // another module it cost variable-type a quarter of its time.
    @inlinable @inline(__always) public func named(_ name: String) -> Variable? { first { $0.name.value == name } }
}
