import ReplyCompiler
import TweetText

/// A message at its longest, as lint measures it (``LengthBound``): every plural and select on its
/// longest branch, every variable a marked placeholder as long as its longest value.
struct WorstCase {
    enum Piece: Equatable {
        case literal(String)
        /// A variable at its longest: `shown` is what the placeholder reads (a choice's or number's
        /// longest value, else the name filled out to `weight` characters).
        case slot(name: String, shown: String, weight: Int)
    }

    var pieces: [Piece] = []

    /// The placeholders are drawn, not measured: a very long `max_length` is shown this long at most.
    static let maxDrawnWeight = 300

    /// The longest form of `message`; nil when it uses a variable the brand does not declare as
    /// it needs (lint reports that).
    init?(_ message: Message, variables: [String: Variable]) {
        guard let pieces = Self.pieces(message, variables: variables, pound: nil) else { return nil }
        self.pieces = Self.merged(pieces)
    }

    private static func pieces(_ message: Message, variables: [String: Variable], pound: Piece?) -> [Piece]? {
        var out: [Piece] = []
        for part in message.parts {
            switch part {
            case .literal(let text):
                out.append(.literal(text))
            case .pound:
                if let pound { out.append(pound) }
            case .variable(let argument):
                guard let variable = variables[argument.name] else { return nil }
                out.append(slot(variable))
            case .plural(let argument, let branches):
                guard let variable = variables[argument.name], case .number = variable.kind else { return nil }
                guard let longest = longest(branches, { pieces($0, variables: variables, pound: slot(variable)) }) else {
                    return nil
                }
                out += longest
            case .select(let argument, let branches):
                guard variables[argument.name] != nil else { return nil }
                guard let longest = longest(branches, { pieces($0, variables: variables, pound: pound) }) else { return nil }
                out += longest
            }
        }
        return out
    }

    private static func longest(_ branches: [Message.Branch], _ make: (Message) -> [Piece]?) -> [Piece]? {
        var best: [Piece] = []
        var bestWeight = -1
        for branch in branches {
            guard let pieces = make(branch.message) else { return nil }
            let weight = Self.weight(of: pieces)
            if weight > bestWeight { (best, bestWeight) = (pieces, weight) }
        }
        return best
    }

    private static func slot(_ variable: Variable) -> Piece {
        let name = variable.name.value
        let weight = LengthBound.longestValue(variable)
        switch variable.kind {
        case .number(let min, let max):
            let shown = String(min).count >= String(max).count ? String(min) : String(max)
            return .slot(name: name, shown: shown, weight: weight)
        case .choice(let values):
            let shown = values.max { TwitterText.weightedLength($0) < TwitterText.weightedLength($1) } ?? name
            return .slot(name: name, shown: shown, weight: weight)
        case .text:
            let drawn = Swift.min(weight, maxDrawnWeight)
            let fill = Swift.max(0, drawn - name.count)
            return .slot(name: name, shown: name + String(repeating: "·", count: fill), weight: weight)
        }
    }

    /// What lint counts for `pieces`: literal text as twitter-text weighs it, a slot at its weight.
    static func weight(of pieces: [Piece]) -> Int {
        var total = 0
        for piece in pieces {
            let weight: Int
            switch piece {
            case .literal(let text): weight = TwitterText.weightedLength(text)
            case .slot(_, _, let slotWeight): weight = slotWeight
            }
            let (sum, overflow) = total.addingReportingOverflow(weight)
            total = overflow ? .max : sum
        }
        return total
    }

    /// Adjacent literals joined, so entity extraction sees whole runs of text.
    private static func merged(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for piece in pieces {
            if case .literal(let text) = piece, case .literal(let previous)? = out.last {
                out[out.count - 1] = .literal(previous + text)
            } else if case .literal(let text) = piece, text.isEmpty {
                continue
            } else {
                out.append(piece)
            }
        }
        return out
    }
}
