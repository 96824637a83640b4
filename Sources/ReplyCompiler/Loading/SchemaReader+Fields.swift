public import ReplyKit
package import ReplyKitSupport
/// The keys one kind of mapping in pack-format.md may have: an enum whose raw values are the keys,
/// in the order "known keys" notes list them.
package protocol SchemaKey: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {}

/// A kind of mapping's keys, matched by their bytes: a mapping whose keys are all known is read
/// without making a string per key or comparing strings.
///
/// A class: readers pass their static key sets to every mapping they read, and a reference is
/// one word to pass where a struct of arrays is four to retain.
final class KeySet<Key: SchemaKey>: Sendable {
    let keys: [Key]
    let names: [String]
    /// The positions in `keys` of the keys that must be present, in the order missing ones are
    /// reported.
    let requiredIndices: [Int]
    /// Every key's UTF-8, one after another: key `i` is `utf8[starts[i]..<starts[i + 1]]`. Flat,
    /// so matching a key reads two arrays, whatever the number of keys.
    private let utf8: [UInt8]
    private let starts: [Int]

    init(required: [Key] = []) {
        let keys = Key.allCases
        self.keys = keys
        precondition(keys.count <= 64, "a key set is a 64-bit mask")
        names = keys.map(\.rawValue)
        utf8 = names.flatMap(\.utf8)
        starts = names.reduce(into: [0]) { starts, name in starts.append(starts.last! + name.utf8.count) }
        requiredIndices = required.map { keys.firstIndex(of: $0)! }
    }

    /// The position in `keys` of an untagged scalar key with exactly one key's bytes.
    func index(of key: YAMLValue) -> Int? {
        guard !key.hasTag else { return nil }
        return key.withScalarBytes { bytes -> Int? in
            utf8.withUnsafeBufferPointer { utf8 in
                // Byte counts tell most keys apart; the bytes are compared only when they agree.
                for index in 0..<starts.count - 1 where starts[index + 1] - starts[index] == bytes.count {
                    if UnsafeBufferPointer(rebasing: utf8[starts[index]..<starts[index + 1]]).elementsEqual(bytes) { return index }
                }
                return nil
            }
        } ?? nil
    }

    func index(ofName name: String) -> Int? { names.firstIndex(of: name) }
}

/// A mapping's value under a key the schema knows.
struct Field<Key: SchemaKey> {
    let key: Key
    /// The key as written, for its range.
    let keyNode: YAMLValue
    let value: YAMLValue
}

/// The fields of one mapping, in order: what ``SchemaReader/fields(_:_:_:)`` returns.
///
/// A mapping whose keys are all known and distinct (nearly all of them) is read in place, its
/// keys' positions in the key set packed four bits each, so reading a template allocates nothing
/// for its fields.
struct Fields<Key: SchemaKey>: Sequence {
    fileprivate let children: YAMLValue.Children?
    /// The position in `keys` of each field's key, four bits each from the lowest.
    fileprivate let positions: UInt64
    fileprivate let keys: [Key]
    /// The fields, when the mapping needed the general path.
    fileprivate let list: [Field<Key>]

    var underestimatedCount: Int { children.map { $0.count / 2 } ?? list.count }

    func makeIterator() -> Iterator {
        Iterator(children: children?.makeIterator(), positions: positions, keys: keys, list: list.makeIterator())
    }

    struct Iterator: IteratorProtocol {
        fileprivate var children: YAMLValue.Children.Iterator?
        fileprivate var positions: UInt64
        fileprivate let keys: [Key]
        fileprivate var list: IndexingIterator<[Field<Key>]>

        mutating func next() -> Field<Key>? {
            guard children != nil else { return list.next() }
            guard let keyNode = children!.next(), let value = children!.next() else { return nil }
            defer { positions >>= 4 }
            return Field(key: keys[Int(positions & 0xF)], keyNode: keyNode, value: value)
        }
    }
}

extension SchemaReader {
    /// The fields of a mapping whose keys `keys` knows, in order, first occurrence of each key only.
    ///
    /// Reports a node that is not a mapping, keys that are not strings, repeated keys, unknown keys
    /// (with a suggestion) and missing required keys; fields under unknown keys are left out.
    mutating func fields<Key>(_ node: YAMLValue, _ keys: KeySet<Key>, _ what: @autoclosure () -> String) -> Fields<Key>? {
        guard let entries = node.mappingEntries, entries.count <= 32, keys.keys.count <= 16 else {
            return checkedFields(node, keys, what()).map { Fields(children: nil, positions: 0, keys: [], list: $0) }
        }
        var seen: UInt64 = 0
        var positions: UInt64 = 0
        var shift: UInt64 = 0
        var iterator = entries.makeIterator()
        while let keyNode = iterator.next(), iterator.next() != nil {
            // Anything but a known key written once: the general path says what is wrong.
            guard let index = keys.index(of: keyNode), seen & (1 << index) == 0 else {
                return checkedFields(node, keys, what()).map { Fields(children: nil, positions: 0, keys: [], list: $0) }
            }
            seen |= 1 << index
            positions |= UInt64(index) << shift
            shift += 4
        }
        for index in keys.requiredIndices where seen & (1 << index) == 0 {
            reportMissing(keys.names[index], in: what(), at: node)
        }
        return Fields(children: entries, positions: positions, keys: keys.keys, list: [])
    }

    /// ``fields(_:_:_:)`` for a mapping that may hold anything, through its keys as strings.
    private mutating func checkedFields<Key>(_ node: YAMLValue, _ keys: KeySet<Key>, _ what: @autoclosure () -> String)
        -> [Field<Key>]?
    {
        guard let pairs = mapping(node, what()) else { return nil }
        checkKeys(pairs, keys, in: what(), at: node)
        return pairs.compactMap { pair in
            pair.name.flatMap(keys.index(ofName:)).map { Field(key: keys.keys[$0], keyNode: pair.key, value: pair.value) }
        }
    }

    /// Reports keys that `keys` does not know (with a suggestion) and required keys that are missing.
    private mutating func checkKeys<Key>(_ pairs: [YAMLValue.Pair], _ keys: KeySet<Key>, in what: @autoclosure () -> String,
                                         at node: YAMLValue) {
        for pair in pairs {
            guard let key = pair.name, keys.index(ofName: key) == nil else { continue }
            let suggestion = DidYouMean.suggestion(for: key, among: keys.names)
            report("unknown key `\(key)` in \(what())", at: pair.key.range,
                   notes: suggestion == nil ? ["known keys: \(keys.names.joined(separator: ", "))"] : [],
                   help: suggestion.map { "did you mean `\($0)`?" })
        }
        for index in keys.requiredIndices where !pairs.contains(where: { $0.name == keys.names[index] }) {
            reportMissing(keys.names[index], in: what(), at: node)
        }
    }

    private mutating func reportMissing(_ key: String, in what: String, at node: YAMLValue) {
        report("missing required key `\(key)` in \(what)", at: headRange(node))
    }
}
