package import ReplyKitSupport
/// The operands CLDR plural rules test (UTS #35, "Plural Operand Meanings").
///
/// `n` is the absolute value; `i` its integer digits; `v`/`w` the number of visible fraction digits
/// with/without trailing zeros; `f`/`t` those digits as an integer, with/without trailing zeros;
/// `e` the compact decimal exponent (`1.2c3` is 1200 with `e` = 3). Values past 18 digits are
/// clamped: no template variable comes near them.
public struct PluralOperands: Sendable, Hashable {
    public var i: Int
    public var v: Int
    public var w: Int
    public var f: Int
    public var t: Int
    public var e: Int

    /// The operands of an integer (what a `number` variable holds).
    public init(_ value: Int) {
        i = value.magnitude > UInt(Int.max) ? Int.max : Int(value.magnitude)
        v = 0; w = 0; f = 0; t = 0; e = 0
    }

    /// The operands of a decimal written as CLDR's samples write it: `1`, `1.50`, `-3`, `1.1c6`.
    public init?(_ text: String) {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        var exponent = 0
        if let c = digits.firstIndex(where: { $0 == "c" || $0 == "e" }) {
            guard let value = Int(digits[digits.index(after: c)...]), value >= 0, value < 18 else { return nil }
            exponent = value
            digits = digits[..<c]
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first, !integer.isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        var whole = String(integer)
        // The exponent moves the point to the right.
        let moved = min(exponent, fraction.count)
        whole += fraction.prefix(moved)
        fraction = String(fraction.dropFirst(moved))
        whole += String(repeating: "0", count: exponent - moved)
        let trimmed = String(fraction.reversed().drop { $0 == "0" }.reversed())
        guard whole.count <= 18, fraction.count <= 18, let i = Int(whole) else { return nil }
        self.i = i
        v = fraction.count
        w = trimmed.count
        f = Int(fraction) ?? 0
        t = Int(trimmed) ?? 0
        e = exponent
    }

    /// Whether `n` is a whole number (no fraction digits that are not zero).
    package var nIsInteger: Bool { f == 0 }
}
