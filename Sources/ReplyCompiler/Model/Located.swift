public import ReplyKit
package import ReplyKitSupport
/// A value read from a file, with the source range it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// Where the value was written; for a key's value, the value's node (not the key).
    public var range: SourceRange

    public init(_ value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }
}
