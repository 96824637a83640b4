package import ReplyKitSupport
/// A type a bundle holds, with its fields declared once: ``BundleCoding`` writes and reads every
/// bundle type by walking this one list, so the two directions cannot drift apart.
package protocol BundleCodable {
    /// The value reading starts from, before any field is read.
    static var blank: Self { get }
    static var fields: [BundleField<Self>] { get }
}

/// One field of a bundle type: its JSON key, how to write it, how to read it into the value.
package struct BundleField<Root> {
    package let key: String
    package let required: Bool
    package let encode: (Root) -> JSONValue
    package let decode: (inout Root, inout JSONScanner) throws -> Void

    package init(_ key: String, required: Bool = false, encode: @escaping (Root) -> JSONValue,
         decode: @escaping (inout Root, inout JSONScanner) throws -> Void) {
        self.key = key
        self.required = required
        self.encode = encode
        self.decode = decode
    }

    package static func string(_ key: String, _ path: WritableKeyPath<Root, String>) -> Self {
        Self(key, required: true, encode: { .string($0[keyPath: path]) },
             decode: { $0[keyPath: path] = try $1.stringValue() })
    }

    package static func optionalString(_ key: String, _ path: WritableKeyPath<Root, String?>) -> Self {
        Self(key, encode: { $0[keyPath: path].map(JSONValue.string) ?? .null },
             decode: { $0[keyPath: path] = try $1.optionalString() })
    }

    package static func strings(_ key: String, _ path: WritableKeyPath<Root, [String]>) -> Self {
        Self(key, encode: { .array($0[keyPath: path].map(JSONValue.string)) }, decode: { root, scanner in
            var items: [String] = []
            try scanner.enterArray()
            while try scanner.nextItem() { items.append(try scanner.stringValue()) }
            root[keyPath: path] = items
        })
    }

    /// A list that may be absent: `null` (or no key) reads as nil, which is not the empty list.
    package static func optionalStrings(_ key: String, _ path: WritableKeyPath<Root, [String]?>) -> Self {
        Self(key, encode: { $0[keyPath: path].map { .array($0.map(JSONValue.string)) } ?? .null }, decode: { root, scanner in
            if scanner.peek() == UInt8(ascii: "n") { return try scanner.skip() }
            var items: [String] = []
            try scanner.enterArray()
            while try scanner.nextItem() { items.append(try scanner.stringValue()) }
            root[keyPath: path] = items
        })
    }

    /// An integer that must lie in `bounds`: a bundle's numbers are checked as a pack's are.
    package static func int(_ key: String, _ path: WritableKeyPath<Root, Int>, in bounds: ClosedRange<Int>) -> Self {
        Self(key, required: true, encode: { .int($0[keyPath: path]) }, decode: { root, scanner in
            let value = try scanner.intValue()
            guard bounds.contains(value) else {
                throw BundleCoding.Failure("`\(key)` is \(value), outside \(bounds.lowerBound)…\(bounds.upperBound)")
            }
            root[keyPath: path] = value
        })
    }

    package static func bool(_ key: String, _ path: WritableKeyPath<Root, Bool>) -> Self {
        Self(key, encode: { .bool($0[keyPath: path]) }, decode: { $0[keyPath: path] = try $1.boolValue() })
    }

    package static func optionalDouble(_ key: String, _ path: WritableKeyPath<Root, Double?>) -> Self {
        Self(key, encode: { $0[keyPath: path].map(JSONValue.double) ?? .null },
             decode: { $0[keyPath: path] = try $1.optionalDouble() })
    }

    package static func tag(_ key: String, _ path: WritableKeyPath<Root, LocaleTag>) -> Self {
        Self(key, required: true, encode: { .string($0[keyPath: path].canonical) }, decode: { root, scanner in
            root[keyPath: path] = try BundleCoding.tag(try scanner.stringValue())
        })
    }

    package static func optionalTag(_ key: String, _ path: WritableKeyPath<Root, LocaleTag?>) -> Self {
        Self(key, encode: { $0[keyPath: path].map { .string($0.canonical) } ?? .null }, decode: { root, scanner in
            root[keyPath: path] = try scanner.optionalString().map(BundleCoding.tag)
        })
    }

    package static func list<Item: BundleCodable>(_ key: String, _ path: WritableKeyPath<Root, [Item]>) -> Self {
        Self(key, encode: { .array($0[keyPath: path].map(BundleCoding.encode)) }, decode: { root, scanner in
            var items: [Item] = []
            try scanner.enterArray()
            while try scanner.nextItem() { items.append(try BundleCoding.read(Item.self, from: &scanner)) }
            root[keyPath: path] = items
        })
    }
}

/// Writes and reads ``BundleCodable`` values as JSON objects of their fields.
package enum BundleCoding {
    /// A bundle value that is not what its type's fields say.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
        package init(_ description: String) { self.description = description }
    }

    package static func encode<Value: BundleCodable>(_ value: Value) -> JSONValue {
        .object(Value.fields.map { ($0.key, $0.encode(value)) })
    }

    /// The value whose object starts at the scanner; unknown keys are passed over, and a missing
    /// required field is an error.
    package static func read<Value: BundleCodable>(_ type: Value.Type, from scanner: inout JSONScanner) throws -> Value {
        let fields = Value.fields
        var value = Value.blank
        var seen = [Bool](repeating: false, count: fields.count)
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            guard let index = fields.firstIndex(where: { $0.key == key }) else {
                try scanner.skip()
                continue
            }
            try fields[index].decode(&value, &scanner)
            seen[index] = true
        }
        if let missing = fields.indices.first(where: { fields[$0].required && !seen[$0] }) {
            throw Failure("an entry has no `\(fields[missing].key)`")
        }
        return value
    }

    package static func tag(_ text: String) throws -> LocaleTag {
        guard let tag = LocaleTag(text) else { throw Failure("`\(text)` is not a BCP 47 language tag") }
        return tag
    }
}
