public import ReplyKit
package import ReplyKitSupport
/// A variable a brand's templates may use, with the values it accepts.
public struct Variable: Sendable {
    public typealias Kind = ReplyVariable.Kind
    public typealias Entity = ReplyVariable.Entity
    public typealias TextRules = ReplyVariable.TextRules

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

    public var typeName: String { runtime.typeName }

    /// The variable as the renderer checks its values.
    public var runtime: ReplyVariable {
        ReplyVariable(name: name.value, kind: kind, example: example?.value, description: description)
    }
}

extension Array where Element == Variable {
    /// The variable called `name`, the first if several are; for code that holds a brand's
    /// variables without the brand (``Brand/variable(named:)``).
    // Always inlined: lint calls it for every argument of every text, and left as a call from
    // another module it cost variable-type a quarter of its time.
    @inlinable @inline(__always) public func named(_ name: String) -> Variable? { first { $0.name.value == name } }
}

extension Variable {
    /// The value as it would be substituted, or the ``RenderError`` the renderer would refuse it with.
    public func validate(_ value: ReplyValue) throws(RenderError) -> String {
        try runtime.validate(value)
    }
}
