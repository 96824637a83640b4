extension String {
    /// Runs `body` on the string's UTF-8 bytes in place (copied only for a string that is not
    /// stored as UTF-8, such as one bridged from Objective-C).
    ///
    /// Checks that read every byte of every template go through this rather than `utf8`'s
    /// iterator, which costs several times the check itself per byte.
    @inlinable package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `other` occurs in the string, byte for byte: no Unicode equivalence, which URLs and
    /// the markers looked for in them do not need, and none of the generic searches' cost.
    @inlinable package func containsBytes(of other: String) -> Bool {
        withUTF8Bytes { text in
            other.withUTF8Bytes { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= text.count else { return false }
                return (0...(text.count - needle.count)).contains { start in
                    text[start] == first && UnsafeBufferPointer(rebasing: text[start..<start + needle.count]).elementsEqual(needle)
                }
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar whose UTF-8 starts at `offset` and its width in bytes, for the bytes of a
    /// `String` (well-formed, as a string's always are) and `offset` at the start of a scalar.
    @inlinable package func scalar(at offset: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(self[offset])
        func next(_ k: Int) -> UInt32 { UInt32(self[offset + k] & 0x3F) }
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0: return (Unicode.Scalar((lead & 0x1F) << 6 | next(1))!, 2)
        case ..<0xF0: return (Unicode.Scalar((lead & 0x0F) << 12 | next(1) << 6 | next(2))!, 3)
        default: return (Unicode.Scalar((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3))!, 4)
        }
    }
}
