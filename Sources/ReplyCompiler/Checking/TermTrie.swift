/// A ``TermMatcher``'s folded terms as a trie: reading a text from one position follows one path,
/// one step a scalar, however many terms share their first letters. A locale lists hundreds of
/// asks starting with `e` or `n` (`envíanoslo`, `nous l'envoyer`), and trying each in turn at every
/// position cost more than the rest of a check.
///
/// Immutable after building, in flat arrays: node 0 is the root.
struct TermTrie: Sendable {
    /// Node `n`'s children are `childScalars[childStart[n]..<childStart[n + 1]]`, ascending, and
    /// `childNodes` at the same places.
    private let childStart: [Int32]
    private let childScalars: [UInt32]
    private let childNodes: [Int32]
    /// The terms that end at node `n`: `terminals[terminalStart[n]..<terminalStart[n + 1]]`.
    private let terminalStart: [Int32]
    private let terminals: [Int32]
    /// The root's child for each ASCII scalar, -1 for none: most text is ASCII.
    private let asciiRoot: [Int32]

    /// A trie of `terms`, each a folded term; a term's index is its place in `terms`. Empty terms
    /// are left out.
    init(_ terms: [[Unicode.Scalar]]) {
        var children: [[UInt32: Int]] = [[:]]
        var ending: [[Int]] = [[]]
        for (index, term) in terms.enumerated() where !term.isEmpty {
            var node = 0
            for scalar in term {
                if let next = children[node][scalar.value] {
                    node = next
                } else {
                    children.append([:])
                    ending.append([])
                    children[node][scalar.value] = children.count - 1
                    node = children.count - 1
                }
            }
            ending[node].append(index)
        }
        var childStart: [Int32] = [], childScalars: [UInt32] = [], childNodes: [Int32] = []
        var terminalStart: [Int32] = [], terminals: [Int32] = []
        for node in children.indices {
            childStart.append(Int32(childScalars.count))
            for (scalar, child) in children[node].sorted(by: { $0.key < $1.key }) {
                childScalars.append(scalar)
                childNodes.append(Int32(child))
            }
            terminalStart.append(Int32(terminals.count))
            terminals += ending[node].map(Int32.init)
        }
        childStart.append(Int32(childScalars.count))
        terminalStart.append(Int32(terminals.count))
        self.childStart = childStart
        self.childScalars = childScalars
        self.childNodes = childNodes
        self.terminalStart = terminalStart
        self.terminals = terminals
        asciiRoot = (0..<128).map { value in Int32(children[0][UInt32(value)] ?? -1) }
    }

    /// The root: no scalar read yet.
    static let root = 0

    /// The node reached from `node` by `scalar`, or nil when no term continues so.
    @inline(__always)
    func child(of node: Int, _ scalar: UInt32) -> Int? {
        if node == Self.root && scalar < 128 {
            let child = asciiRoot[Int(scalar)]
            return child < 0 ? nil : Int(child)
        }
        let end = Int(childStart[node + 1])
        var low = Int(childStart[node]), high = end
        // The first child not below `scalar` is in low...high. Past the root most nodes have a
        // child or two, which a linear look finds sooner.
        while high - low > 8 {
            let middle = (low + high) / 2
            if childScalars[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        while low < end && childScalars[low] < scalar { low += 1 }
        return low < end && childScalars[low] == scalar ? Int(childNodes[low]) : nil
    }

    /// Where the indices of the terms that end at `node` are, for ``term(at:)``; often empty.
    @inline(__always)
    func terms(endingAt node: Int) -> Range<Int> {
        Int(terminalStart[node])..<Int(terminalStart[node + 1])
    }

    /// The index of a term, at a place ``terms(endingAt:)`` gave.
    @inline(__always)
    func term(at place: Int) -> Int { Int(terminals[place]) }
}
