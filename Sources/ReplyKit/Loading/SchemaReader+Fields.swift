/// The keys one kind of mapping in pack-format.md may have: an enum whose raw values are the keys,
/// in the order "known keys" notes list them.
protocol SchemaKey: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {}

/// A kind of mapping's keys, matched by their bytes: a mapping whose keys are all known is read
/// without making a string per key or comparing strings.
struct KeySet<Key: SchemaKey>: Sendable {
    let keys: [Key]
    let names: [String]
    /// The positions in `keys` of the keys that must be present, in the order missing ones are
    /// reported.
    let requiredIndices: [Int]
    private let utf8: [[UInt8]]

    init(required: [Key] = []) {
        let keys = Key.allCases
        self.keys = keys
        precondition(keys.count <= 64, "a key set is a 64-bit mask")
        names = keys.map(\.rawValue)
        utf8 = names.map { Array($0.utf8) }
        requiredIndices = required.map { keys.firstIndex(of: $0)! }
    }

    /// The position in `keys` of an untagged scalar key with exactly one key's bytes.
    func index(of key: YAMLValue) -> Int? {
        guard !key.hasTag else { return nil }
        return key.withScalarBytes { bytes in
            utf8.firstIndex { $0.count == bytes.count && $0.elementsEqual(bytes) }
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

extension SchemaReader {
    /// The fields of a mapping whose keys `keys` knows, in order, first occurrence of each key only.
    ///
    /// Reports a node that is not a mapping, keys that are not strings, repeated keys, unknown keys
    /// (with a suggestion) and missing required keys; fields under unknown keys are left out.
    mutating func fields<Key>(_ node: YAMLValue, _ keys: KeySet<Key>, _ what: @autoclosure () -> String) -> [Field<Key>]? {
        guard let entries = node.mappingEntries else { return checkedFields(node, keys, what()) }
        var fields: [Field<Key>] = []
        fields.reserveCapacity(entries.count / 2)
        var seen: UInt64 = 0
        var iterator = entries.makeIterator()
        while let keyNode = iterator.next(), let value = iterator.next() {
            // Anything but a known key written once: the general path says what is wrong.
            guard let index = keys.index(of: keyNode), seen & (1 << index) == 0 else {
                return checkedFields(node, keys, what())
            }
            seen |= 1 << index
            fields.append(Field(key: keys.keys[index], keyNode: keyNode, value: value))
        }
        for index in keys.requiredIndices where seen & (1 << index) == 0 {
            reportMissing(keys.names[index], in: what(), at: node)
        }
        return fields
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
