public import ReplyKit
package import ReplyKitSupport
/// A template text parsed into its parts: the ICU MessageFormat subset of template-syntax.md.
///
/// Spans are UTF-8 byte offsets into the text the message was parsed from (after YAML's
/// unescaping and folding); ``ScalarSourceMap`` turns them into positions in the YAML file.
public struct Message: Sendable, Hashable {
    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }

    // Not `indirect`: branches hold their messages in arrays, which are boxed already, and boxing
    // every part cost an allocation per part of every text lint analyses.
    public enum Part: Sendable, Hashable {
        /// Text as it is shown, quotes already resolved (`''` is one apostrophe).
        case literal(String)
        /// `{name}`: the variable's value.
        case variable(Argument)
        /// `{name, plural, …}` on a number variable.
        case plural(Argument, [Branch])
        /// `{name, select, …}` on a choice or text variable.
        case select(Argument, [Branch])
        /// `#` inside a plural branch: the plural's number.
        case pound
    }

    /// The variable an argument names, and where.
    public struct Argument: Sendable, Hashable {
        public var name: String
        /// The name itself.
        public var nameSpan: Range<Int>
        /// The whole argument, braces included.
        public var span: Range<Int>
    }

    public struct Branch: Sendable, Hashable {
        public var key: Key
        public var keySpan: Range<Int>
        public var message: Message
    }

    /// A branch key: `=3`, a plural category, or a select value.
    public typealias Key = MessageKey
}

extension Message {
    /// Every argument in the message, nested ones included, in text order.
    public var arguments: [(argument: Argument, part: Part)] {
        var result: [(Argument, Part)] = []
        forEachArgument { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with every argument in the message and the part it is, nested ones included, in
    /// text order: ``arguments`` without building the list, for lint, which walks every message
    /// many times.
    public func forEachArgument(_ body: (Argument, Part) throws -> Void) rethrows {
        for part in parts {
            switch part {
            case .variable(let argument):
                try body(argument, part)
            case .plural(let argument, let branches), .select(let argument, let branches):
                try body(argument, part)
                for branch in branches { try branch.message.forEachArgument(body) }
            case .literal, .pound:
                break
            }
        }
    }

    /// The names of the variables the message uses, each once, in order of first use.
    public var variableNames: [String] {
        // A message names a handful of variables: a list beats hashing.
        var names: [String] = []
        forEachArgument { argument, _ in
            if !names.contains(argument.name) { names.append(argument.name) }
        }
        return names
    }
}
