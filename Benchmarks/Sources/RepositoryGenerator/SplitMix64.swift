/// SplitMix64 (Steele, Lea and Flood, 2014): the generator's own source of choices.
///
/// The standard library's generator cannot be seeded and its `random(in:using:)` algorithms may
/// change between releases; this one, with its own bounded draws, writes the same repository from the
/// same arguments on every platform and toolchain.
struct SplitMix64 {
    private var state: UInt64

    /// A generator for one purpose: each part (a brand, a template, a locale, a salt) changes the
    /// whole stream.
    init(_ parts: Int...) {
        state = 0x5DEE_CE66_D1CE_4E5B
        for part in parts {
            state ^= UInt64(bitPattern: Int64(part))
            state = Self.mix(state &+ 0x9E37_79B9_7F4A_7C15)
        }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0); the modulo's bias is far below what a benchmark's
    /// copy would notice.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn by the weights given.
    mutating func weighted(_ weights: [Int]) -> Int {
        var draw = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}
