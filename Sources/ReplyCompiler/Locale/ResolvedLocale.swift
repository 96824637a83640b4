public import ReplyKit
package import ReplyKitSupport
/// The locale data in force for a tag, inheritance applied.
public struct ResolvedLocale: Sendable {
    /// The tag asked for.
    public var tag: LocaleTag
    /// The data files consulted, most specific first (`es-MX`, `es`).
    public var chain: [LocaleTag]
    public var direction: LocaleData.Direction
    public var plural: PluralRules
    public var terms: [String: [String]]
    /// The copy-safety grammar, every file of the chain's added from the most general down.
    public var copySafety: CopySafetyData
}
