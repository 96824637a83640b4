package import ReplyKitSupport
/// FNV-1a, 64 bits, over UTF-8: the same value on every process and machine, unlike Swift's seeded
/// `Hasher`. Picks a variant from a conversation key.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The variant for `key` among `count` (0 when there is one, or no key).
    public static func variant(for key: String?, count: Int) -> Int {
        guard let key, count > 1 else { return 0 }
        return Int(fnv1a(key) % UInt64(count))
    }
}
