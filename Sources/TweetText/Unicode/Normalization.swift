import Foundation

/// Unicode NFC, which twitter-text applies before counting.
enum Normalization {
    /// Whether `utf8` is certainly in NFC, by Unicode's quick check: no scalar whose NFC_Quick_Check
    /// is No or Maybe, and combining marks in canonical order. False means "normalise to find out".
    static func isCertainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        plainStarters.withUnsafeBufferPointer { isCertainlyNFC(utf8, plainStarters: $0) }
    }

    /// One bit for each code point below U+20000 whose NFC_Quick_Check is Yes and whose canonical
    /// combining class is 0: such a scalar can be skipped without further thought.
    static let plainStarters: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: plainStarterLimit >> 6)
        for value in UInt32(0)..<UInt32(plainStarterLimit) where !NFCQuickCheck.isNotYes(value) {
            if combiningClass(of: value) == 0 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
        return bits
    }()

    static let plainStarterLimit = 0x20000

    private static func isCertainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>,
                                       plainStarters: UnsafeBufferPointer<UInt64>) -> Bool {
        var i = 0
        let n = utf8.count
        var lastClass: UInt8 = 0
        let base = utf8.baseAddress
        while i < n {
            // Eight ASCII bytes at a time: they are all NFC starters.
            if let base, i + 8 <= n,
               UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                lastClass = 0
                continue
            }
            let b0 = utf8[i]
            // Every scalar below U+0300 (lead bytes below 0xCC) is NFC_QC=Yes with combining class 0.
            if b0 < 0xCC {
                i += b0 < 0x80 ? 1 : 2
                lastClass = 0
                continue
            }
            let value: UInt32
            if b0 < 0xE0 {
                value = (UInt32(b0 & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F); i += 2
            } else if b0 < 0xF0 {
                value = (UInt32(b0 & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6)
                    | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                value = (UInt32(b0 & 0x07) << 18) | (UInt32(utf8[i + 1] & 0x3F) << 12)
                    | (UInt32(utf8[i + 2] & 0x3F) << 6) | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            if value < plainStarterLimit, plainStarters[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 {
                lastClass = 0
                continue
            }
            if NFCQuickCheck.isNotYes(value) { return false }
            let combiningClass = combiningClass(of: value)
            if combiningClass != 0 && combiningClass < lastClass { return false }
            lastClass = combiningClass
        }
        return true
    }

    @inline(__always)
    private static func combiningClass(of value: UInt32) -> UInt8 {
        // Hiragana, Katakana, CJK and Hangul syllables are all class 0; skip the property lookup.
        if (0x3040...0x309F).contains(value) && value != 0x3099 && value != 0x309A { return 0 }
        if (0x30A0...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xAC00...0xD7A3).contains(value) { return 0 }
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return scalar.properties.canonicalCombiningClass.rawValue
    }

    /// `text` in NFC, and whether that changed any code point. (Swift's `==` compares canonical
    /// equivalence, so it cannot tell.)
    static func nfc(_ text: String) -> (text: String, changed: Bool) {
        var copy = text
        if copy.withUTF8({ isCertainlyNFC($0) }) { return (text, false) }
        let normalized = text.precomposedStringWithCanonicalMapping
        return (normalized, !normalized.unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}

enum NFCQuickCheck {
    @inline(__always)
    static func isNotYes(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        let ranges = notYesRanges
        var low = 0
        var high = ranges.count / 2
        while low < high {
            let mid = (low + high) >> 1
            if value < ranges[2 * mid] {
                high = mid
            } else if value > ranges[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
