/// Reads JSON bytes: whole values into ``JSONValue``s, or piece by piece (``enterObject()``,
/// ``nextKey()``, ``string()`` …) for readers that build their own types without a tree.
/// Errors name the 1-based byte offset.
package struct JSONScanner {
    package typealias ParseError = JSONValue.ParseError

    package let bytes: [UInt8]
    package var i = 0
    /// An object or list was just entered: its first key or item needs no comma before it.
    private var justEntered = false
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var atEnd: Bool { i >= bytes.count }

    package func error(_ message: String) -> ParseError { ParseError(message: "\(message) at byte \(i + 1)") }

    @inline(__always)
    package mutating func skipSpace() {
        while i < bytes.count, bytes[i] <= 0x20 {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    package mutating func value(depth: Int) throws(ParseError) -> JSONValue {
        guard depth < 128 else { throw error("JSON nested too deeply") }
        skipSpace()
        guard i < bytes.count else { throw error("unexpected end of JSON") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            var pairs: [(String, JSONValue)] = []
            try enterObject()
            while let key = try nextKey() { pairs.append((key, try value(depth: depth + 1))) }
            return .object(pairs)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try enterArray()
            while try nextItem() { items.append(try value(depth: depth + 1)) }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try number()
        }
    }

    package mutating func literal(_ word: StaticString, _ value: JSONValue) throws(ParseError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else { throw error("invalid literal") }
        i += count
        return value
    }

    package mutating func number() throws(ParseError) -> JSONValue {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        var isInteger = true
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 { i += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                isInteger = false; i += 1; continue
            }
            break
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let v = Int(text) { return .int(v) }
        if let v = Double(text), !text.isEmpty, text != "-" { return .double(v) }
        throw error("invalid JSON value")
    }

    package mutating func string() throws(ParseError) -> String {
        i += 1
        var chunkStart = i
        // Most strings have no escape: one pass to the closing quote, one decoding.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return String(decoding: bytes[chunkStart..<i - 1], as: UTF8.self)
        }
        var result = ""
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                result += String(decoding: bytes[chunkStart..<i], as: UTF8.self)
                i += 1
                return result
            }
            if b < 0x20 { throw error("control character in a JSON string") }
            if b == UInt8(ascii: "\\") {
                result += String(decoding: bytes[chunkStart..<i], as: UTF8.self)
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "b"): result += "\u{8}"
                case UInt8(ascii: "f"): result += "\u{C}"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "u"):
                    var unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                       bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { throw error("lone surrogate in a JSON string") }
                    result.unicodeScalars.append(scalar)
                default: throw error("invalid escape in a JSON string")
                }
                chunkStart = i
                continue
            }
            i += 1
        }
        throw error("unterminated JSON string")
    }

    package mutating func hex4() throws(ParseError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
        else { throw error("invalid \\u escape") }
        i += 4
        return v
    }

    // MARK: Piece by piece

    /// The next byte after whitespace, not consumed.
    @inline(__always)
    package mutating func peek() -> UInt8? {
        skipSpace()
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(ParseError) {
        guard peek() == byte else { throw error("expected \(what)") }
        i += 1
    }

    package mutating func enterObject() throws(ParseError) {
        try expect(UInt8(ascii: "{"), "an object")
        justEntered = true
    }

    package mutating func enterArray() throws(ParseError) {
        try expect(UInt8(ascii: "["), "a list")
        justEntered = true
    }

    /// The next key of the object entered, or nil after its `}`.
    package mutating func nextKey() throws(ParseError) -> String? {
        guard try hasNext(before: UInt8(ascii: "}"), "',' or '}'") else { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let key = try string()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// Whether the list entered has another item (false after its `]`).
    package mutating func nextItem() throws(ParseError) -> Bool {
        try hasNext(before: UInt8(ascii: "]"), "',' or ']'")
    }

    /// Whether the object or list entered has another member: false after its `close`, else true
    /// with the comma before a member that is not the first read.
    private mutating func hasNext(before close: UInt8, _ expected: String) throws(ParseError) -> Bool {
        let first = justEntered
        justEntered = false
        guard let byte = peek() else { throw error("unexpected end of JSON") }
        if byte == close {
            i += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ","), expected) }
        return true
    }

    /// A string value.
    package mutating func stringValue() throws(ParseError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        return try string()
    }

    /// A string, or nil for `null`.
    package mutating func optionalString() throws(ParseError) -> String? {
        if peek() == UInt8(ascii: "n") {
            _ = try literal("null", .null)
            return nil
        }
        return try stringValue()
    }

    package mutating func intValue() throws(ParseError) -> Int {
        guard case .int(let value) = try value(depth: 0) else { throw error("expected an integer") }
        return value
    }

    /// A number, or nil for `null`.
    package mutating func optionalDouble() throws(ParseError) -> Double? {
        switch try value(depth: 0) {
        case .null: return nil
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: throw error("expected a number")
        }
    }

    package mutating func boolValue() throws(ParseError) -> Bool {
        guard case .bool(let value) = try value(depth: 0) else { throw error("expected true or false") }
        return value
    }

    /// Reads past a value without keeping any of it (strings' escapes are checked when read).
    package mutating func skip() throws(ParseError) {
        guard let byte = peek() else { throw error("unexpected end of JSON") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer(open: 0)
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try value(depth: 0)
        }
    }

    /// Reads past the rest of the object or list entered (its closing bracket included).
    package mutating func skipRest() throws(ParseError) {
        try skipContainer(open: 1)
    }

    /// Only brackets and strings matter to find the end; the value is checked when it is read.
    private mutating func skipContainer(open: Int) throws(ParseError) {
        var open = open
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open += 1
                guard open < 128 else { throw error("JSON nested too deeply") }
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                open -= 1
                i += 1
                if open == 0 { return }
            case UInt8(ascii: "\""):
                try skipString()
            default:
                i += 1
            }
        }
        throw error("unexpected end of JSON")
    }

    private mutating func skipString() throws(ParseError) {
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                i += 1
                return
            case UInt8(ascii: "\\"):
                i += 2
            case 0..<0x20:
                throw error("control character in a JSON string")
            default:
                i += 1
            }
        }
        throw error("unterminated JSON string")
    }
}
