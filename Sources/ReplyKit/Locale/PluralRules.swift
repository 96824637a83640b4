package import ReplyKitSupport
/// A language's cardinal plural rules: a rule per category but `other`, which takes the rest.
public struct PluralRules: Sendable, Hashable {
    /// Rules in CLDR's order (zero, one, two, few, many); the first that matches wins.
    public let rules: [(category: PluralCategory, rule: PluralRule)]

    public init(_ rules: [(PluralCategory, PluralRule)]) {
        self.rules = rules.filter { $0.0 != .other }.sorted { $0.0 < $1.0 }.map { (category: $0.0, rule: $0.1) }
    }

    /// Only `other` (Japanese, Chinese, Korean, Indonesian).
    public static let otherOnly = PluralRules([])

    /// The categories the language has, `other` included, in CLDR order.
    public var categories: [PluralCategory] { rules.map(\.category) + [.other] }

    public func category(for operands: PluralOperands) -> PluralCategory {
        rules.first { $0.rule.matches(operands) }?.category ?? .other
    }

    public func category(for value: Int) -> PluralCategory { category(for: PluralOperands(value)) }

    public static func == (lhs: PluralRules, rhs: PluralRules) -> Bool {
        lhs.rules.map(\.category) == rhs.rules.map(\.category) && lhs.rules.map(\.rule) == rhs.rules.map(\.rule)
    }

    public func hash(into hasher: inout Hasher) {
        for (category, rule) in rules {
            hasher.combine(category)
            hasher.combine(rule)
        }
    }
}
