public import ReplyKit
package import ReplyKitSupport
/// Why a YAML file could not be read; `location` is where the problem was found.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// libyaml's own error (`problem`), with its context when it gives one.
        case syntax(String)
        case invalidUTF8
        /// A control character YAML does not allow, by its code point.
        case controlCharacter(UInt32)
        case tooLarge(bytes: Int, limit: Int)
        case tooDeep(limit: Int)
        case aliasBudgetExceeded(limit: Int)
        case undefinedAlias(String)
        case multipleDocuments
    }

    public var reason: Reason
    public var location: SourceLocation
    /// A second location libyaml names as context ("while parsing a block mapping" here).
    public var context: (message: String, location: SourceLocation)? {
        get { contextMessage.map { ($0, contextLocation ?? location) } }
        set { contextMessage = newValue?.message; contextLocation = newValue?.location }
    }
    private var contextMessage: String?
    private var contextLocation: SourceLocation?

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    public var message: String {
        switch reason {
        case .syntax(let problem): return problem
        case .invalidUTF8: return "the file is not valid UTF-8"
        case .controlCharacter(let value):
            let hex = String(value, radix: 16, uppercase: true)
            return "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is not allowed in YAML"
        case .tooLarge(let bytes, let limit): return "the file is \(bytes) bytes, over the limit of \(limit)"
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels"
        case .aliasBudgetExceeded(let limit):
            return "aliases expand to more than \(limit) nodes"
        case .undefinedAlias(let name): return "alias *\(name) refers to no anchor"
        case .multipleDocuments: return "more than one YAML document in the file"
        }
    }

    public var description: String { "\(location): \(message)" }
}
