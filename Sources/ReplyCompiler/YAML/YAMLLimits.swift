public import ReplyKit
package import ReplyKitSupport
/// What a YAML file may cost before it is refused: hostile files end in a diagnostic, not a hang.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// The most nodes aliases may add in all (each alias adds the size of what it refers to).
    public var maxAliasExpansion: Int

    public init(maxBytes: Int = 4 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let `default` = YAMLLimits()
}
