internal import TweetText
public import ReplyKit
package import ReplyKitSupport

/// The largest weighted length (twitter-text v3) a message can render to, over every value its
/// variables allow, and what it is made of.
///
/// Parts are measured on their own and added: literal text by its weighted length, a text variable
/// by its `max_length`, a number by its longest integer in [min, max] (sign included), a choice by its
/// longest value, a plural or select by its longest branch (with `#` as the longest number). A value
/// that would join the literal text into a longer entity (`{name}.com`) is refused by the renderer,
/// which is what keeps the sum an upper bound.
///
/// Sums saturate at `Int.max` rather than trap: the loader bounds every length (``PackLimits``), and
/// a bound past them (a library caller's own ``Variable``) still gives a number over any limit.
public struct LengthBound: Sendable, Hashable {
    /// The bound, in weighted characters; the deep link is not included.
    public var total: Int
    /// What the literal text contributes along the longest path.
    public var literal: Int
    /// What each variable contributes along the longest path, by name.
    public var variables: [String: Int] {
        get { Dictionary(shares.map { ($0.name, $0.weight) }, uniquingKeysWith: Self.sum) }
        set { shares = newValue.map { Share(name: $0.key, weight: $0.value) } }
    }

    /// ``variables`` as a list in order of first use: a text names a handful of variables, and lint
    /// measures every text of every template, where a dictionary cost a hash per part.
    private var shares: [Share]

    private struct Share: Sendable, Hashable {
        var name: String
        var weight: Int
    }

    private init(total: Int, literal: Int, shares: [Share]) {
        self.total = total
        self.literal = literal
        self.shares = shares
    }

    public static let zero = LengthBound(total: 0, literal: 0, shares: [])

    public static func == (a: LengthBound, b: LengthBound) -> Bool {
        a.total == b.total && a.literal == b.literal && a.variables == b.variables
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(literal)
        hasher.combine(variables)
    }

    /// Adds `weight` from variable `name` (nil for literal text), in place: a text is measured part by
    /// part, and lint measures every text of every template.
    private mutating func add(_ weight: Int, from name: String?) {
        total = Self.sum(total, weight)
        guard let name else {
            literal = Self.sum(literal, weight)
            return
        }
        addShare(weight, name)
    }

    private mutating func addShare(_ weight: Int, _ name: String) {
        if let index = shares.firstIndex(where: { $0.name == name }) {
            shares[index].weight = Self.sum(shares[index].weight, weight)
        } else {
            shares.append(Share(name: name, weight: weight))
        }
    }

    private mutating func add(_ other: LengthBound) {
        total = Self.sum(total, other.total)
        literal = Self.sum(literal, other.literal)
        for share in other.shares { addShare(share.weight, share.name) }
    }

    /// `a + b` for weights, which are never negative: `Int.max` where it would overflow.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// The worst case of the whole reply: the bound plus what the deep link adds (`Int.max` at most).
    public func reply(deepLink weight: Int) -> Int { Self.sum(total, weight) }

    /// The bound of `message`; nil when it uses a variable that is not declared or not of a kind its
    /// use needs (those are lint errors of their own).
    public static func of(_ message: Message, variables: [String: Variable]) -> LengthBound? {
        of(message, variables: variables, pound: nil)
    }

    private static func of(_ message: Message, variables: [String: Variable], pound: (String, Int)?) -> LengthBound? {
        var bound = LengthBound.zero
        for part in message.parts {
            switch part {
            case .literal(let text):
                bound.add(TwitterText.weightedLength(text), from: nil)
            case .pound:
                guard let (name, weight) = pound else { continue }
                bound.add(weight, from: name)
            case .variable(let argument):
                guard let variable = variables[argument.name] else { return nil }
                bound.add(longestValue(variable), from: argument.name)
            case .plural(let argument, let branches):
                guard let variable = variables[argument.name], case .number = variable.kind else { return nil }
                let number = (argument.name, longestValue(variable))
                guard let longest = longestBranch(branches, { of($0, variables: variables, pound: number) }) else {
                    return nil
                }
                bound.add(longest)
            case .select(let argument, let branches):
                guard let variable = variables[argument.name] else { return nil }
                if case .number = variable.kind { return nil }
                guard let longest = longestBranch(branches, { of($0, variables: variables, pound: pound) }) else {
                    return nil
                }
                bound.add(longest)
            }
        }
        return bound
    }

    /// The longest branch's bound; nil when any branch cannot be measured.
    private static func longestBranch(_ branches: [Message.Branch],
                                      _ measure: (Message) -> LengthBound?) -> LengthBound? {
        var longest: LengthBound?
        for branch in branches {
            guard let bound = measure(branch.message) else { return nil }
            if bound.total > longest?.total ?? -1 { longest = bound }
        }
        return longest ?? .zero
    }

    /// The weighted length of the longest value `variable` accepts.
    public static func longestValue(_ variable: Variable) -> Int {
        switch variable.kind {
        case .text(let rules): rules.maxLength
        case .number(let min, let max): Swift.max(String(min).count, String(max).count)
        case .choice(let values): values.reduce(0) { Swift.max($0, TwitterText.weightedLength($1)) }
        }
    }
}
