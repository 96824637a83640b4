public import ReplyKit
package import ReplyKitSupport
/// A node of a ``YAMLDocument``: the reading side of ``YAMLNode``, without building a tree.
///
/// An alias reads as the node it refers to, with its own range, as in ``YAMLNode``.
///
/// A value holds its document: a value kept past the reading stays valid.
struct YAMLValue: Sendable {
    private let document: YAMLDocument
    /// The node as written (an alias stays an alias here, for its range).
    let index: Int
    /// The node whose content this reads: the alias's target, or `index` itself.
    private let target: Int

    init(document: YAMLDocument, index: Int) {
        self.document = document
        self.index = index
        let entry = document.entries[index]
        target = entry.kind == .alias ? Int(entry.first) : index
    }

    private func with<Result>(_ body: (YAMLDocument) -> Result) -> Result {
        body(document)
    }

    struct Pair: Sendable {
        var key: YAMLValue
        var value: YAMLValue
        /// The key's text, for a scalar key: decoded once, as readers compare it several times.
        var name: String?
    }

    private var entry: YAMLDocument.Entry { with { $0.entries[target] } }

    var range: SourceRange {
        with { document in
            let written = document.entries[index]
            return SourceRange(start: document.location(written.start), end: document.location(written.end))
        }
    }

    var isScalar: Bool { entry.kind == .scalar }
    var isMapping: Bool { entry.kind == .mapping }

    /// The text of a scalar; nil for a sequence or mapping.
    var scalar: String? { isScalar ? with { $0.string(at: target) } : nil }

    var scalarStyle: YAMLNode.ScalarStyle? { isScalar ? entry.style : nil }

    /// An explicit tag, if the file wrote one.
    var tag: String? {
        let tag = entry.tag
        return tag < 0 ? nil : with { $0.tags[Int(tag)] }
    }

    var hasTag: Bool { entry.tag >= 0 }

    /// Runs `body` on a scalar's bytes, without making a `String` of them; nil for a collection.
    func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        isScalar ? with { $0.withBytes(ofScalarAt: target, body) } : nil
    }

    /// Whether this is a scalar with exactly the text `string`, without making a `String` of it.
    func scalarIs(_ string: String) -> Bool {
        isScalar && with { $0.scalar(at: target, equals: string) }
    }

    /// The children of a collection in order (keys and values alternate in a mapping), read in place.
    struct Children: Sequence {
        fileprivate let document: YAMLDocument
        fileprivate let first: Int
        let count: Int

        var isEmpty: Bool { count == 0 }
        var underestimatedCount: Int { count }

        func makeIterator() -> Iterator { Iterator(document: document, child: first, remaining: count) }

        struct Iterator: IteratorProtocol {
            fileprivate let document: YAMLDocument
            fileprivate var child: Int
            fileprivate var remaining: Int

            mutating func next() -> YAMLValue? {
                guard remaining > 0 else { return nil }
                remaining -= 1
                let value = YAMLValue(document: document, index: child)
                child = Int(document.entries[value.index].next)
                return value
            }
        }
    }

    private var children: Children { Children(document: document, first: target + 1, count: Int(entry.count)) }

    /// The children of a mapping, keys and values alternating, duplicates included; nil for a scalar
    /// or sequence.
    var mappingEntries: Children? { entry.kind == .mapping ? children : nil }

    /// The items of a sequence; nil for a scalar or mapping.
    var sequence: Children? { entry.kind == .sequence ? children : nil }

    /// The pairs of a mapping in order, duplicates included; nil for a scalar or sequence.
    var mapping: [Pair]? {
        guard entry.kind == .mapping else { return nil }
        var pairs: [Pair] = []
        pairs.reserveCapacity(children.count / 2)
        var iterator = children.makeIterator()
        while let key = iterator.next(), let value = iterator.next() {
            pairs.append(Pair(key: key, value: value, name: key.scalar))
        }
        return pairs
    }

    /// The value for `key` in a mapping (the first, if the key is duplicated).
    subscript(key: String) -> YAMLValue? {
        mapping?.first { $0.key.scalarIs(key) }?.value
    }

    /// `true` or `false` written as a plain scalar, read from its bytes; nil for anything else (no
    /// YAML 1.1 `yes`/`on`, nor a quoted `"true"`).
    var plainBool: Bool? {
        guard scalarStyle == .plain else { return nil }
        return withScalarBytes { bytes -> Bool? in
            if bytes.elementsEqual("true".utf8) { return true }
            if bytes.elementsEqual("false".utf8) { return false }
            return nil
        } ?? nil
    }

    /// Whether this is a plain scalar YAML reads as null (`~`, `null`, or nothing).
    var isNull: Bool {
        let entry = self.entry
        guard entry.kind == .scalar, entry.style == .plain, entry.tag < 0 else { return false }
        switch entry.count {
        case 0: return true
        case 1: return with { $0.text[Int(entry.first)] } == UInt8(ascii: "~")
        case 4: return scalarIs("null") || scalarIs("Null") || scalarIs("NULL")
        default: return false
        }
    }

    /// The same node as a standalone ``YAMLNode`` tree.
    var node: YAMLNode {
        let content: YAMLNode.Content
        switch entry.kind {
        case .scalar, .alias: content = .scalar(with { $0.string(at: target) }, entry.style)
        case .sequence: content = .sequence(children.map(\.node))
        case .mapping: content = .mapping(mapping!.map { YAMLNode.Pair(key: $0.key.node, value: $0.value.node) })
        }
        return YAMLNode(content, range: range, tag: tag)
    }
}
