package import ReplyKitSupport
/// A value for a template variable: text, or an integer for `number` variables.
///
/// A number variable also takes text that is a plain integer (`"3"`), as command lines and JSON
/// from agents' tools often give it.
public enum ReplyValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    case text(String)
    case number(Int)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }

    /// The integer a `number` variable reads: the number, or text that is a plain integer.
    var integer: Int? {
        switch self {
        case .number(let number): number
        case .text(let text): Self.parseInteger(text)
        }
    }

    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        }
    }

    /// `text` as an integer: optional sign and ASCII digits only, within `Int`'s range.
    package static func parseInteger(_ text: String) -> Int? {
        isIntegerText(text) ? Int(text) : nil
    }

    /// Whether `text` is written as an integer: a sign at most, then ASCII digits (however many).
    package static func isIntegerText(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
