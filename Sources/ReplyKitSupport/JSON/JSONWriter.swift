/// Writes JSON text straight into bytes, value by value, in the layout ``JSONValue/serialized(pretty:)``
/// prints: for reports too large to build as a `JSONValue` first (lint's json report describes every
/// template of a repository).
///
/// Calls must nest properly: every `beginObject`/`beginArray` has its `end`, and inside an object
/// every value follows its ``key(_:)``. Strings are escaped as JSON requires, and U+2028 and U+2029
/// too, so the text is also valid JavaScript.
public struct JSONWriter: Sendable {
    /// The text so far, as UTF-8.
    public var bytes: [UInt8] { output }
    // Inlinable with what it uses, so a reporter's many small calls compile to appends in place.
    @usableFromInline package var output: [UInt8] = []
    @usableFromInline package let pretty: Bool
    /// For each open container, outermost first: whether it is an object, and whether it has an item yet.
    @usableFromInline package var open: [(isObject: Bool, hasItems: Bool)] = []
    @usableFromInline package var afterKey = false

    /// `pretty`: one item a line, indented by two spaces a level; otherwise one line.
    public init(pretty: Bool) {
        self.pretty = pretty
        output.reserveCapacity(4096)
    }

    /// Makes room for `count` more bytes, for a writer that knows about how long its text will be.
    public mutating func reserveCapacity(_ count: Int) {
        output.reserveCapacity(output.count + count)
    }

    /// The text so far.
    public var text: String { String(decoding: output, as: UTF8.self) }

    @inlinable public mutating func beginObject() { begin(object: true) }
    @inlinable public mutating func endObject() { end(UInt8(ascii: "}")) }
    @inlinable public mutating func beginArray() { begin(object: false) }
    @inlinable public mutating func endArray() { end(UInt8(ascii: "]")) }

    /// The key of the next value of the innermost object.
    @inlinable public mutating func key(_ key: String) {
        separate()
        writeString(key)
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(ascii: " "))
        afterKey = true
    }

    /// A key written in the source, which needs no escaping (letters, digits, `_`): written as it
    /// is, without the scan ``key(_:)`` makes for characters to escape. Reports write a dozen keys
    /// for each of a hundred thousand templates.
    @inlinable public mutating func key(plain key: StaticString) {
        separate()
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(ascii: " "))
        afterKey = true
    }

    @inlinable public mutating func null() { item("null" as StaticString) }
    @inlinable public mutating func bool(_ value: Bool) { item(value ? "true" as StaticString : "false") }
    @inlinable public mutating func int(_ value: Int) {
        separate()
        // Digits written in place: a report has a few numbers for each of 100,000 templates.
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        var scan = rest
        while scan >= 10 {
            scan /= 10
            digits += 1
        }
        for _ in 0..<digits { output.append(UInt8(ascii: "0")) }
        var index = output.count - 1
        while rest > 0 {
            output[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
    }
    @inlinable public mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    /// `value`, or null when it is nil.
    @inlinable public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// `value`, or null when it is nil.
    @inlinable public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// The text so far, which the writer then forgets; what it writes next goes on from where it
    /// stands. A long report is handed over in parts, so no part is decoded twice.
    public mutating func takeText() -> String {
        defer { output.removeAll() }
        return text
    }

    /// A writer that goes on from where this one stands, without its text: the items of a long
    /// array can be written by several writers at once, and their texts joined in order.
    /// `afterItems`: whether the innermost container will have an item before the new writer's
    /// first one (true for every part but the first, when the parts before it wrote any).
    public func continuation(afterItems: Bool) -> JSONWriter {
        var next = JSONWriter(pretty: pretty)
        next.open = open
        next.afterKey = afterKey
        if let last = open.indices.last { next.open[last].hasItems = open[last].hasItems || afterItems }
        return next
    }

    /// A line break after the text, as files and terminals expect one.
    @inlinable public mutating func endLine() { output.append(0x0A) }

    /// A whole value, objects' keys in their order.
    @inlinable public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let v): bool(v)
        case .int(let v): int(v)
        case .double(let v): item(v.isFinite ? "\(v)" : "null")
        case .string(let v): string(v)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let pairs):
            beginObject()
            for (key, item) in pairs {
                self.key(key)
                self.value(item)
            }
            endObject()
        }
    }

    @inlinable package mutating func begin(object: Bool) {
        separate()
        output.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((object, false))
    }

    @inlinable package mutating func end(_ bracket: UInt8) {
        let container = open.removeLast()
        if pretty && container.hasItems { newline() }
        output.append(bracket)
    }

    @inlinable package mutating func item(_ text: StaticString) {
        separate()
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable package mutating func item(_ text: String) {
        separate()
        output.append(contentsOf: text.utf8)
    }

    /// A value another writer wrote (one line, not pretty), copied as it is.
    @inlinable package mutating func serialized(_ bytes: [UInt8]) {
        separate()
        output.append(contentsOf: bytes)
    }

    /// What comes before an item: nothing after a key; otherwise a comma after an earlier item
    /// (and a space between an object's items on one line), then a new line when pretty.
    @inlinable package mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.indices.last else { return }
        if open[last].hasItems {
            output.append(UInt8(ascii: ","))
            if !pretty && open[last].isObject { output.append(UInt8(ascii: " ")) }
        }
        open[last].hasItems = true
        if pretty { newline() }
    }

    @inlinable package mutating func newline() {
        output.append(0x0A)
        // From a line of spaces made once: appending a repeated element went byte by byte, and a
        // pretty report has a line break for each of its hundreds of thousands of values.
        let indent = open.count * 2
        if indent <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<indent])) }
        } else {
            output.append(contentsOf: repeatElement(0x20, count: indent))
        }
    }

    @usableFromInline package static let spaces = [UInt8](repeating: 0x20, count: 32)

    @inlinable package mutating func writeString(_ s: String) {
        output.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var clean = 0
            var i = -1
            while true {
                i += 1
                guard i < utf8.count else { break }
                // Most text needs nothing: eight bytes at a time while none of them may.
                while i + 8 <= utf8.count,
                      !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                }
                guard i < utf8.count else { break }
                let byte = utf8[i]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte & 0xFE != 0xA8 {
                    continue
                }
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                // U+2028 and U+2029 (E2 80 A8/A9): valid JSON, but not valid JavaScript.
                case 0xA8...0xA9 where i >= 2 && utf8[i - 2] == 0xE2 && utf8[i - 1] == 0x80:
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i - 2]))
                    escape = byte == 0xA8 ? "\\u2028" : "\\u2029"
                    output.append(contentsOf: escape.utf8)
                    clean = i + 1
                    continue
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<i]))
                output.append(contentsOf: escape.utf8)
                clean = i + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether a byte of `word` is below 0x20, `"`, `\\`, 0xA8 or 0xA9 (the last byte of U+2028 and
    /// U+2029): exact as a whole, so a word without any is passed over.
    @inlinable package static func mayNeedEscape(_ word: UInt64) -> Bool {
        WordBytes.below(0x20, in: word) | WordBytes.equal(to: UInt8(ascii: "\""), in: word)
            | WordBytes.equal(to: UInt8(ascii: "\\"), in: word) | WordBytes.equal(to: 0xA8, in: word)
            | WordBytes.equal(to: 0xA9, in: word) != 0
    }
}
