/// The scalars that have a Unicode property, looked up in a bitmap for the Basic Multilingual
/// Plane: asking Unicode's property tables for every scalar of a Japanese or Arabic text costs more
/// than the checks that ask. Scalars above the BMP (emoji, rare CJK) are asked of the tables.
public struct ScalarSet: Sendable {
    @usableFromInline package let bits: [UInt64]
    @usableFromInline package let predicate: @Sendable (Unicode.Scalar) -> Bool

    /// The scalars for which `predicate` holds; it is called once for each BMP scalar here, and
    /// later only for scalars above the BMP.
    public init(where predicate: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) {
            guard let scalar = Unicode.Scalar(value), predicate(scalar) else { continue }
            bits[Int(value) >> 6] |= 1 << (value & 63)
        }
        self.bits = bits
        self.predicate = predicate
    }

    @inlinable public func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? containsBMP(scalar.value) : predicate(scalar)
    }

    @inlinable package func containsBMP(_ value: UInt32) -> Bool {
        bits[Int(value) >> 6] & (1 << (value & 63)) != 0
    }

    /// Upper-case scalars (Unicode's `Uppercase` property).
    public static let uppercase = ScalarSet { $0.properties.isUppercase }
    /// Format characters (general category Cf): zero-width and bidi controls, soft hyphen, BOM.
    public static let format = ScalarSet { $0.properties.generalCategory == .format }
    /// Scalars that lowercasing leaves alone.
    public static let caseless = ScalarSet { !$0.properties.changesWhenLowercased }
}
