/// A read-only view of text as UTF-16 code units, the unit twitter-text's offsets and regular
/// expressions work in. The storage belongs to the caller (usually a stack allocation).
struct UTF16Text {
    let units: UnsafeBufferPointer<UInt16>

    @inline(__always) var count: Int { units.count }

    @inline(__always) subscript(i: Int) -> UInt16 { units[i] }

    /// The unit at `i`, or nil past the end.
    @inline(__always) func unit(at i: Int) -> UInt16? { i < units.count ? units[i] : nil }

    /// The code point starting at `i` and its length in units (a lone surrogate is its own value).
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let u = units[i]
        if u & 0xFC00 == 0xD800, i + 1 < units.count {
            let low = units[i + 1]
            if low & 0xFC00 == 0xDC00 {
                return (0x10000 + (UInt32(u & 0x3FF) << 10) + UInt32(low & 0x3FF), 2)
            }
        }
        return (UInt32(u), 1)
    }

    /// The code point that ends just before `i`, if any.
    @inline(__always)
    func scalar(before i: Int) -> (value: UInt32, length: Int)? {
        guard i > 0 else { return nil }
        let u = units[i - 1]
        if u & 0xFC00 == 0xDC00, i >= 2 {
            let high = units[i - 2]
            if high & 0xFC00 == 0xD800 {
                return (0x10000 + (UInt32(high & 0x3FF) << 10) + UInt32(u & 0x3FF), 2)
            }
        }
        return (UInt32(u), 1)
    }

    /// Whether the units at `i` spell `ascii` (given in lowercase), ignoring ASCII case.
    @inline(__always)
    func hasPrefix(_ ascii: StaticString, at i: Int) -> Bool {
        let length = ascii.utf8CodeUnitCount
        guard i + length <= units.count else { return false }
        let bytes = ascii.utf8Start
        for k in 0..<length where ASCII.lowercased(units[i + k]) != UInt16(bytes[k]) {
            return false
        }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: units[range])
        // Entities (URLs above all) are mostly ASCII: their units are their bytes, which skips
        // the general transcoder's validation and repair.
        guard slice.allSatisfy({ $0 < 0x80 }) else { return String(decoding: slice, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: slice.count) { bytes in
            // `initialize(from:)` stops at the buffer's end: it never writes past it.
            bytes.initialize(from: slice.lazy.map { UInt8(truncatingIfNeeded: $0) }).index
        }
    }
}

extension UTF16Text {
    /// Like ``with(_:_:)``, and tells `body` whether every scalar of `text` is an NFC "plain starter"
    /// (NFC_Quick_Check Yes, combining class 0), which makes the text NFC without a second pass.
    static func withPlainStarterCheck<R>(_ text: String, _ body: (UTF16Text, Bool) throws -> R) rethrows -> R {
        var text = text
        return try Normalization.plainStarters.withUnsafeBufferPointer { plainStarters in
            try text.withUTF8 { utf8 in
                try withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(utf8.count, 1)) { buffer in
                    let (count, plain) = UTF8Transcoding.toUTF16(utf8, into: buffer, plainStarters: plainStarters)
                    return try body(UTF16Text(units: UnsafeBufferPointer(rebasing: buffer[..<count])), plain)
                }
            }
        }
    }

    /// Runs `body` with `text` as UTF-16 in temporary storage (on the stack for reply-sized text).
    static func with<R>(_ text: String, _ body: (UTF16Text) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8 { utf8 in
            // A UTF-8 byte never yields more than one UTF-16 unit, so this capacity always suffices.
            try withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(utf8.count, 1)) { buffer in
                let count = UTF8Transcoding.toUTF16(utf8, into: buffer, plainStarters: nil).count
                return try body(UTF16Text(units: UnsafeBufferPointer(rebasing: buffer[..<count])))
            }
        }
    }
}

enum UTF8Transcoding {
    /// Transcodes valid UTF-8 (a Swift string's storage) to UTF-16 and returns the unit count.
    /// With `plainStarters` (``Normalization/plainStarters``), also says whether every scalar is one.
    @inline(__always)
    static func toUTF16(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt16>,
                        plainStarters: UnsafeBufferPointer<UInt64>?) -> (count: Int, allPlain: Bool) {
        var plain = true
        let limit = UInt32((plainStarters?.count ?? 0) << 6)
        @inline(__always) func check(_ value: UInt32) {
            if let plainStarters, plain {
                plain = value < limit && plainStarters[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
            }
        }
        var i = 0
        var o = 0
        let n = utf8.count
        guard let source = utf8.baseAddress, let target = out.baseAddress else { return (0, true) }
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    for k in 0..<8 { target[o + k] = UInt16(truncatingIfNeeded: word >> (8 * UInt64(k))) & 0xFF }
                    i += 8
                    o += 8
                    continue
                }
            }
            let b0 = UInt32(utf8[i])
            if b0 < 0x80 {
                out[o] = UInt16(b0); i += 1; o += 1
            } else if b0 < 0xE0 {
                let v = ((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F)
                check(v)
                out[o] = UInt16(v); i += 2; o += 1
            } else if b0 < 0xF0 {
                let v = ((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F)
                check(v)
                out[o] = UInt16(v)
                i += 3; o += 1
            } else {
                let v = ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12)
                    | ((UInt32(utf8[i + 2]) & 0x3F) << 6) | (UInt32(utf8[i + 3]) & 0x3F)
                check(v)
                let w = v - 0x10000
                out[o] = UInt16(0xD800 | (w >> 10)); out[o + 1] = UInt16(0xDC00 | (w & 0x3FF))
                i += 4; o += 2
            }
        }
        return (o, plain)
    }
}
