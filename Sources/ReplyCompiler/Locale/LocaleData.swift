public import ReplyKit
package import ReplyKitSupport
/// One locale data file (`locales/<tag>.yaml`): what it sets, and nothing it inherits.
///
/// Every field is optional: a missing one comes from the `parent` (or, without one, from the tag
/// with its last subtag dropped), and a repository's file overrides the built-in one field by field
/// (each term list on its own); a repository's `copy_safety` adds to the built-in one.
public struct LocaleData: Sendable {
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case ltr, rtl
    }

    public var tag: LocaleTag
    /// Where it was read from (`locales/es-MX.yaml`, or `built-in:es-MX`).
    public var file: String
    public var name: String?
    public var parent: Located<LocaleTag>?
    public var direction: Direction?
    public var plural: PluralRules?
    /// Term lists by name (`private_info`, `secrets`, `redirects`).
    public var terms: [String: [String]]
    /// The copy-safety grammar this file sets (`copy_safety:`), added to what it inherits.
    public var copySafety: CopySafetyData?

    public init(tag: LocaleTag, file: String) {
        self.tag = tag
        self.file = file
        self.terms = [:]
    }

    /// The term lists the lint rules know: what `private-info-in-public`, `secret-request` and
    /// `redirect-off-platform` look for, and the words that negate a request in the same sentence
    /// ("we will never ask for your password").
    public static let termLists = TermList.allCases.map(\.rawValue)

    /// The names of the term lists, as written under `terms:`.
    public enum TermList: String, Sendable, CaseIterable {
        case private_info, secrets, redirects, negations
    }

    /// `self` with every field `other` sets replacing this one's.
    public func overridden(by other: LocaleData) -> LocaleData {
        var result = self
        result.file = other.file
        if let name = other.name { result.name = name }
        if let parent = other.parent { result.parent = parent }
        if let direction = other.direction { result.direction = direction }
        if let plural = other.plural { result.plural = plural }
        result.terms.merge(other.terms) { _, new in new }
        if let more = other.copySafety { result.copySafety = copySafety.map { $0.extended(by: more) } ?? more }
        return result
    }
}
