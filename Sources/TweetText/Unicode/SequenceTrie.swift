/// A compact, immutable trie of sequences of 32-bit keys (code points or UTF-16 units), used for
/// emoji sequences and top-level domains.
struct SequenceTrie: Sendable {
    /// Node `n`'s edges are `keys[edgeStart[n]..<edgeStart[n + 1]]`, sorted, leading to `targets`.
    private let edgeStart: [Int32]
    private let keys: [UInt32]
    private let targets: [Int32]
    private let terminal: [Bool]

    static let root = 0

    init(_ sequences: [[UInt32]]) {
        var children: [[UInt32: Int]] = [[:]]
        var isTerminal = [false]
        for sequence in sequences where !sequence.isEmpty {
            var node = 0
            for key in sequence {
                if let next = children[node][key] {
                    node = next
                } else {
                    children.append([:])
                    isTerminal.append(false)
                    children[node][key] = children.count - 1
                    node = children.count - 1
                }
            }
            isTerminal[node] = true
        }
        var edgeStart: [Int32] = []
        var keys: [UInt32] = []
        var targets: [Int32] = []
        edgeStart.reserveCapacity(children.count + 1)
        for edges in children {
            edgeStart.append(Int32(keys.count))
            for (key, target) in edges.sorted(by: { $0.key < $1.key }) {
                keys.append(key)
                targets.append(Int32(target))
            }
        }
        edgeStart.append(Int32(keys.count))
        self.edgeStart = edgeStart
        self.keys = keys
        self.targets = targets
        self.terminal = isTerminal
    }

    /// Builds a trie from lines of text, each line one sequence of its code points.
    init(newlineSeparated text: String) {
        self.init(text.split(separator: "\n").map { line in line.unicodeScalars.map(\.value) })
    }

    @inline(__always)
    func isTerminal(_ node: Int) -> Bool { terminal[node] }

    /// The node reached from `node` by `key`, or nil.
    @inline(__always)
    func child(of node: Int, _ key: UInt32) -> Int? {
        var low = Int(edgeStart[node])
        var high = Int(edgeStart[node + 1])
        while low < high {
            let mid = (low + high) >> 1
            let k = keys[mid]
            if k == key { return Int(targets[mid]) }
            if k < key { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The first keys of all sequences.
    var rootKeys: ArraySlice<UInt32> { keys[Int(edgeStart[0])..<Int(edgeStart[1])] }
}
