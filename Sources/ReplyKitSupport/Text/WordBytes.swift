/// Eight bytes of a word tested at once, for scans that pass over plain text a word at a time
/// (line breaks, JSON escapes).
///
/// Each test gives the high bit of every matching byte. The lowest set bit is exact, as borrows
/// only run upwards; bits above a match may be false, so the result is for "is there one" and
/// "where is the first", nothing else.
@usableFromInline
package enum WordBytes {
    /// The bytes of `word` below `bound` (at most 0x80).
    @inlinable package static func below(_ bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080
    }

    /// The bytes of `word` equal to `byte`.
    @inlinable package static func equal(to byte: UInt8, in word: UInt64) -> UInt64 {
        below(1, in: word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }
}
