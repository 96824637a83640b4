/// A compiled message laid out for walking: its parts as a flat table of trivial nodes (each
/// message a contiguous run, a branch's message after its parent's), and its literal runs' sizes,
/// weights and edges in tables of their own. Choosing branches and measuring the pieces then
/// touches no reference-counted value; only writing reads the runs' text.
final class MessageProgram: Sendable {
    enum Op: UInt8, Sendable {
        case literal, value, pound, plural, select
    }

    struct Node: Sendable {
        var op: Op
        /// The literal's index (`literal`), or the variable's slot (`value`, `plural`, `select`).
        var index: Int32
        /// The node's branches: `branches[firstBranch ..< firstBranch + branchCount]`.
        var firstBranch: Int32 = 0
        var branchCount: Int32 = 0
    }

    struct Branch: Sendable {
        /// `=n` keys: the number; nil otherwise.
        var exact: Int?
        var category: PluralCategory?
        /// A select key's value, as an index into `selectValues`; -1 for none.
        var value: Int32
        var isOther: Bool
        /// The branch's message: a run of `nodes`.
        var nodes: Range<Int32>
    }

    let nodes: [Node]
    let branches: [Branch]
    let selectValues: [String]
    let texts: [String]
    let sizes: [Int]
    let weights: [Int]
    let edges: [Literal.Edges]
    let root: Range<Int32>

    init(_ message: CompiledMessage) {
        var builder = Builder()
        root = builder.emit(message)
        (nodes, branches, selectValues) = (builder.nodes, builder.branches, builder.selectValues)
        (texts, sizes, weights, edges) = (builder.texts, builder.sizes, builder.weights, builder.edges)
    }

    private struct Builder {
        var nodes: [Node] = []
        var branches: [Branch] = []
        var selectValues: [String] = []
        var texts: [String] = []
        var sizes: [Int] = []
        var weights: [Int] = []
        var edges: [Literal.Edges] = []

        /// Lays out `message`'s branches' messages first, then its own nodes in one run.
        mutating func emit(_ message: CompiledMessage) -> Range<Int32> {
            var own: [Node] = []
            own.reserveCapacity(message.parts.count)
            for part in message.parts {
                switch part {
                case .literal(let literal):
                    guard !literal.text.isEmpty else { continue }
                    own.append(Node(op: .literal, index: Int32(texts.count)))
                    texts.append(literal.text)
                    sizes.append(literal.text.utf8.count)
                    weights.append(literal.weight)
                    edges.append(literal.edges)
                case .variable(let slot):
                    own.append(Node(op: .value, index: Int32(clamping: slot)))
                case .pound:
                    own.append(Node(op: .pound, index: 0))
                case .plural(let slot, let choices), .select(let slot, let choices):
                    var entries: [Branch] = []
                    entries.reserveCapacity(choices.count)
                    for choice in choices {
                        let range = emit(choice.message)
                        var entry = Branch(value: -1, isOther: choice.key.isOther, nodes: range)
                        switch choice.key {
                        case .exact(let n): entry.exact = n
                        case .category(let category): entry.category = category
                        case .value(let value):
                            entry.value = Int32(selectValues.count)
                            selectValues.append(value)
                        }
                        entries.append(entry)
                    }
                    let op: Op = if case .plural = part { .plural } else { .select }
                    own.append(Node(op: op, index: Int32(clamping: slot), firstBranch: Int32(branches.count),
                                    branchCount: Int32(entries.count)))
                    branches += entries
                }
            }
            let start = Int32(nodes.count)
            nodes += own
            return start..<Int32(nodes.count)
        }
    }

    /// What a message renders to, piece by piece.
    enum Piece {
        /// The literal run at this index of the tables.
        case literal(Int)
        /// The value in this slot.
        case value(Int)
        /// A `#` outside any plural: the character itself.
        case poundSign
    }

    /// Calls `body` with every piece the message renders to with `values`, choosing branches as
    /// template-syntax.md says: a plural's first `=n` key equal to the number, then its first key
    /// for the number's category, then `other`; a select's first key (not `other`) equal to the
    /// value, then `other`. A message with no branch for the value shows nothing there.
    func walk(_ values: [CheckedValue], plural rules: PluralRules, _ body: (Piece) -> Void) {
        walk(root, values, rules, pound: nil, body)
    }

    private func walk(_ range: Range<Int32>, _ values: [CheckedValue], _ rules: PluralRules, pound: Int?,
                      _ body: (Piece) -> Void) {
        for position in range {
            let node = nodes[Int(position)]
            switch node.op {
            case .literal: body(.literal(Int(node.index)))
            case .value: body(.value(Int(node.index)))
            case .pound:
                if let pound { body(.value(pound)) } else { body(.poundSign) }
            case .plural:
                let slot = Int(node.index)
                let number = values[slot].number ?? 0
                if let chosen = choose(node, { $0.exact == number })
                    ?? choose(node, { [category = rules.category(for: number)] in $0.category == category })
                    ?? choose(node, \.isOther) {
                    walk(chosen, values, rules, pound: slot, body)
                }
            case .select:
                let text = values[Int(node.index)].text
                if let chosen = choose(node, { !$0.isOther && $0.value >= 0 && selectValues[Int($0.value)] == text })
                    ?? choose(node, \.isOther) {
                    walk(chosen, values, rules, pound: pound, body)
                }
            }
        }
    }

    /// The message of `node`'s first branch that `matches`.
    private func choose(_ node: Node, _ matches: (Branch) -> Bool) -> Range<Int32>? {
        let first = Int(node.firstBranch)
        for index in first..<first + Int(node.branchCount) where matches(branches[index]) {
            return branches[index].nodes
        }
        return nil
    }

    /// The text of a piece.
    func text(of piece: Piece, _ values: [CheckedValue]) -> String {
        switch piece {
        case .literal(let index): texts[index]
        case .value(let slot): values[slot].text
        case .poundSign: "#"
        }
    }
}
