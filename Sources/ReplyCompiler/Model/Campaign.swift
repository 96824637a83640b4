public import ReplyKit
package import ReplyKitSupport
/// A campaign: templates that may be sent only while it is approved and inside its window.
public struct Campaign: Sendable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft, approved, retired
    }

    public var id: Located<String>
    public var name: String?
    public var status: Located<Status>?
    /// Seconds since 1970-01-01T00:00:00Z; a date without a time is 00:00 UTC.
    public var starts: Located<Double>?
    public var ends: Located<Double>?
    public var range: SourceRange

    public init(id: Located<String>, range: SourceRange) {
        self.id = id
        self.range = range
    }

    /// Whether a reply of this campaign may be sent at `time` (seconds since 1970, UTC).
    public func isOpen(at time: Double) -> Bool {
        guard status?.value == .approved else { return false }
        if let starts, time < starts.value { return false }
        if let ends, time > ends.value { return false }
        return true
    }
}
